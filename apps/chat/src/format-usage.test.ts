import { describe, expect, it } from 'vitest';
import { formatDuration, formatUsage } from './format-usage.js';

describe('formatUsage', () => {
  it('gives the token counts, the time to the first token and the total', () => {
    expect(
      formatUsage({ promptTokens: 21, completionTokens: 18, totalTokens: 39 }, { firstTokenMs: 52.4, totalMs: 412 }),
    ).toBe('21 prompt + 18 completion = 39 tokens · first token 52 ms · total 412 ms');
    expect(
      formatUsage(
        { promptTokens: 1200, completionTokens: 80, totalTokens: 1280, cachedPromptTokens: 1024, reasoningTokens: 64 },
        { totalMs: 2345 },
      ),
    ).toBe('1200 prompt + 80 completion = 1280 tokens (1024 cached, 64 reasoning) · total 2.35 s');
    expect(formatUsage(undefined, { firstTokenMs: 5, totalMs: 7 })).toBe(
      'usage not reported · first token 5 ms · total 7 ms',
    );
  });

  it('formats durations in ms below a second, else in seconds', () => {
    expect([formatDuration(0), formatDuration(999.4), formatDuration(1000), formatDuration(61_234)]).toEqual([
      '0 ms',
      '999 ms',
      '1.00 s',
      '61.23 s',
    ]);
  });
});
