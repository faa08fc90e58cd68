import { describe, expect, it } from 'vitest';
import { convertGeminiUsage } from './convert-gemini-usage.js';

describe('convertGeminiUsage', () => {
  it.each([
    [
      'prompt and candidates only (gemini-2.0-flash)',
      { promptTokenCount: 8, candidatesTokenCount: 20, totalTokenCount: 28 },
      { promptTokens: 8, completionTokens: 20, totalTokens: 28 },
    ],
    [
      'thoughts count as output and as reasoning (google-text.json)',
      { promptTokenCount: 9, candidatesTokenCount: 28, totalTokenCount: 281, thoughtsTokenCount: 244 },
      { promptTokens: 9, completionTokens: 272, totalTokens: 281, reasoningTokens: 244 },
    ],
    [
      'tool-use prompt tokens count as input (grounded search)',
      {
        promptTokenCount: 17,
        candidatesTokenCount: 241,
        totalTokenCount: 772,
        toolUsePromptTokenCount: 102,
        thoughtsTokenCount: 412,
      },
      { promptTokens: 119, completionTokens: 653, totalTokens: 772, reasoningTokens: 412 },
    ],
    [
      'cached content tokens are part of the prompt',
      { promptTokenCount: 2100, cachedContentTokenCount: 2048, candidatesTokenCount: 10, totalTokenCount: 2110 },
      { promptTokens: 2100, completionTokens: 10, totalTokens: 2110, cachedPromptTokens: 2048 },
    ],
    [
      'a prompt-only count (first stream event)',
      { promptTokenCount: 15, totalTokenCount: 15 },
      { promptTokens: 15, completionTokens: 0, totalTokens: 15 },
    ],
    [
      'no total: the sum',
      { promptTokenCount: 3, candidatesTokenCount: 4 },
      { promptTokens: 3, completionTokens: 4, totalTokens: 7 },
    ],
    ['nothing reported', {}, { promptTokens: 0, completionTokens: 0, totalTokens: 0 }],
  ])('%s', (_case, usage, expected) => {
    expect(convertGeminiUsage(usage)).toEqual(expected);
  });
});
