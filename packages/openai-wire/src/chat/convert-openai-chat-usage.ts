import { type Usage } from '@rig-ts/core';
import { expectObject, expectTokenCount } from '@rig-ts/core/internal';
import type { ChatUsage } from './openai-chat-api-types.js';

/**
 * Chat Completions usage → `Usage` (cached prompt tokens, DeepSeek's cache hits, reasoning tokens). A count of the wrong
 * type (a string, a negative or fractional number) is a `TypeError` naming it.
 */
export function convertOpenAIChatUsage(usage: ChatUsage | null | undefined): Usage | undefined {
  if (!usage) return undefined;
  expectObject(usage, 'usage');
  const promptTokens = expectTokenCount(usage.prompt_tokens, 'usage.prompt_tokens') ?? 0;
  const total = expectTokenCount(usage.total_tokens, 'usage.total_tokens');
  const completionTokens =
    expectTokenCount(usage.completion_tokens, 'usage.completion_tokens') ?? Math.max(0, (total ?? 0) - promptTokens);
  const converted: Usage = { promptTokens, completionTokens, totalTokens: total ?? promptTokens + completionTokens };
  const cached =
    expectTokenCount(usage.prompt_tokens_details?.cached_tokens, 'usage.prompt_tokens_details.cached_tokens') ??
    expectTokenCount(usage.prompt_cache_hit_tokens, 'usage.prompt_cache_hit_tokens');
  const reasoning = expectTokenCount(
    usage.completion_tokens_details?.reasoning_tokens,
    'usage.completion_tokens_details.reasoning_tokens',
  );
  if (cached !== undefined) converted.cachedPromptTokens = cached;
  if (reasoning !== undefined) converted.reasoningTokens = reasoning;
  return converted;
}
