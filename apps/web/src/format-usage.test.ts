import { describe, expect, it } from 'vitest';
import { formatUsage } from './format-usage.js';

describe('formatUsage', () => {
  it('gives the token counts, the time to the first token and the total', () => {
    expect(
      formatUsage({ promptTokens: 11, completionTokens: 28, totalTokens: 39 }, { firstTokenMs: 277.4, totalMs: 1234 }),
    ).toBe('11 prompt + 28 completion = 39 tokens · first token 277 ms · total 1.23 s');
    expect(formatUsage(undefined, { totalMs: 12 })).toBe('usage not reported · total 12 ms');
  });
});
