import type { Usage } from '@rig-ts/core';
import type { GeminiUsageMetadata } from './gemini-api-types.js';

/**
 * Gemini's `usageMetadata` → {@link Usage}. Thinking tokens are output tokens (Gemini bills them as such and counts
 * them against `maxOutputTokens`), so `completionTokens` = candidates + thoughts, with the thoughts also in
 * `reasoningTokens`; tool-use prompt tokens (search results, code output fed back) are input, so `promptTokens` =
 * prompt + tool-use prompt. Both sums add up to Gemini's `totalTokenCount`.
 */
export function convertGeminiUsage(usage: GeminiUsageMetadata): Usage {
  const promptTokens = (usage.promptTokenCount ?? 0) + (usage.toolUsePromptTokenCount ?? 0);
  const completionTokens = (usage.candidatesTokenCount ?? 0) + (usage.thoughtsTokenCount ?? 0);
  const converted: Usage = { promptTokens, completionTokens, totalTokens: usage.totalTokenCount ?? promptTokens + completionTokens };
  if (usage.cachedContentTokenCount !== undefined) converted.cachedPromptTokens = usage.cachedContentTokenCount;
  if (usage.thoughtsTokenCount !== undefined) converted.reasoningTokens = usage.thoughtsTokenCount;
  return converted;
}
