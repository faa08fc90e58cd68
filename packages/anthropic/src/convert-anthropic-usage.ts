import { type Usage } from '@rig-ts/core';
import { expectTokenCount } from '@rig-ts/core/internal';
import type { AnthropicUsage } from './anthropic-api-types.js';

/**
 * Anthropic usage as a {@link Usage}. Anthropic counts uncached, cache-read and cache-written input tokens
 * separately; `promptTokens` is their sum (`input_tokens + cache_read_input_tokens + cache_creation_input_tokens`),
 * `cachedPromptTokens` the cache reads and `cacheCreationTokens` the cache writes (each present when the provider
 * reports it), and `reasoningTokens` comes from `output_tokens_details.thinking_tokens`. Per-iteration counts
 * (compaction, advisor) stay in the raw `usage.iterations`. A count of the wrong type (a string, a negative or fractional
 * number) is a `TypeError` naming it.
 */
export function convertAnthropicUsage(usage: AnthropicUsage | undefined): Usage {
  const cacheRead = expectTokenCount(usage?.cache_read_input_tokens, 'usage.cache_read_input_tokens');
  const cacheCreation = expectTokenCount(usage?.cache_creation_input_tokens, 'usage.cache_creation_input_tokens');
  const promptTokens =
    (expectTokenCount(usage?.input_tokens, 'usage.input_tokens') ?? 0) + (cacheRead ?? 0) + (cacheCreation ?? 0);
  const completionTokens = expectTokenCount(usage?.output_tokens, 'usage.output_tokens') ?? 0;
  const result: Usage = { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens };
  if (typeof cacheRead === 'number') result.cachedPromptTokens = cacheRead;
  if (typeof cacheCreation === 'number') result.cacheCreationTokens = cacheCreation;
  const thinking = expectTokenCount(
    usage?.output_tokens_details?.thinking_tokens,
    'usage.output_tokens_details.thinking_tokens',
  );
  if (thinking !== undefined) result.reasoningTokens = thinking;
  return result;
}
