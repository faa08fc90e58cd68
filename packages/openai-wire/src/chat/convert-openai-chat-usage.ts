import type { Usage } from '@rig-ts/core';
import type { ChatUsage } from './openai-chat-api-types.js';

/** Chat Completions usage → `Usage` (cached prompt tokens, DeepSeek's cache hits, reasoning tokens). */
export function convertOpenAIChatUsage(usage: ChatUsage | null | undefined): Usage | undefined {
  if (!usage) return undefined;
  const promptTokens = usage.prompt_tokens ?? 0;
  const completionTokens = usage.completion_tokens ?? Math.max(0, (usage.total_tokens ?? 0) - promptTokens);
  const converted: Usage = { promptTokens, completionTokens, totalTokens: usage.total_tokens ?? promptTokens + completionTokens };
  const cached = usage.prompt_tokens_details?.cached_tokens ?? usage.prompt_cache_hit_tokens;
  const reasoning = usage.completion_tokens_details?.reasoning_tokens;
  if (cached !== undefined && cached !== null) converted.cachedPromptTokens = cached;
  if (reasoning !== undefined && reasoning !== null) converted.reasoningTokens = reasoning;
  return converted;
}
