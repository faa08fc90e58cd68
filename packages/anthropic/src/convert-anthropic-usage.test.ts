import { describe, expect, it } from 'vitest';
import { convertAnthropicUsage } from './convert-anthropic-usage.js';

describe('convertAnthropicUsage', () => {
  it('adds cache reads and writes to the prompt tokens and keeps each', () => {
    expect(
      convertAnthropicUsage({
        input_tokens: 3,
        cache_creation_input_tokens: 418,
        cache_read_input_tokens: 1111,
        cache_creation: { ephemeral_5m_input_tokens: 418, ephemeral_1h_input_tokens: 0 },
        output_tokens: 33,
        service_tier: 'standard',
      }),
    ).toEqual({
      promptTokens: 1532,
      completionTokens: 33,
      totalTokens: 1565,
      cachedPromptTokens: 1111,
      cacheCreationTokens: 418,
    });
  });

  it('keeps zero cache counts the provider reported', () => {
    expect(
      convertAnthropicUsage({
        input_tokens: 43,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
        output_tokens: 321,
      }),
    ).toEqual({
      promptTokens: 43,
      completionTokens: 321,
      totalTokens: 364,
      cachedPromptTokens: 0,
      cacheCreationTokens: 0,
    });
  });

  it('leaves out cache counts the provider did not report (null or absent)', () => {
    expect(convertAnthropicUsage({ input_tokens: 61, output_tokens: 2 })).toEqual({
      promptTokens: 61,
      completionTokens: 2,
      totalTokens: 63,
    });
    expect(
      convertAnthropicUsage({
        input_tokens: 5,
        output_tokens: 1,
        cache_read_input_tokens: null,
        cache_creation_input_tokens: null,
      }),
    ).toEqual({
      promptTokens: 5,
      completionTokens: 1,
      totalTokens: 6,
    });
  });

  it('reads thinking tokens as reasoning tokens', () => {
    expect(
      convertAnthropicUsage({
        input_tokens: 51,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
        output_tokens: 1699,
        output_tokens_details: { thinking_tokens: 139 },
      }),
    ).toEqual({
      promptTokens: 51,
      completionTokens: 1699,
      totalTokens: 1750,
      cachedPromptTokens: 0,
      cacheCreationTokens: 0,
      reasoningTokens: 139,
    });
  });

  it('uses the top-level counts, not the iterations of a compacted turn', () => {
    expect(
      convertAnthropicUsage({
        input_tokens: 181,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
        output_tokens: 8,
        iterations: [
          { input_tokens: 100, output_tokens: 83, cache_read_input_tokens: 55096, type: 'compaction' },
          { input_tokens: 181, output_tokens: 8, cache_read_input_tokens: 0, type: 'message' },
        ],
      }),
    ).toEqual({
      promptTokens: 181,
      completionTokens: 8,
      totalTokens: 189,
      cachedPromptTokens: 0,
      cacheCreationTokens: 0,
    });
  });

  it('is zero without usage', () => {
    expect(convertAnthropicUsage(undefined)).toEqual({ promptTokens: 0, completionTokens: 0, totalTokens: 0 });
  });
});
