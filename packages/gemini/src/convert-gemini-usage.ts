import { type Usage } from '@rig-ts/core';
import { expectTokenCount } from '@rig-ts/core/internal';
import type { GeminiUsageMetadata } from './gemini-api-types.js';

/**
 * Gemini's `usageMetadata` → {@link Usage}. Thinking tokens are output tokens (Gemini bills them as such and counts
 * them against `maxOutputTokens`), so `completionTokens` = candidates + thoughts, with the thoughts also in
 * `reasoningTokens`; tool-use prompt tokens (search results, code output fed back) are input, so `promptTokens` =
 * prompt + tool-use prompt. Both sums add up to Gemini's `totalTokenCount`. A count of the wrong type (a string, a negative
 * or fractional number) is a `TypeError` naming it.
 */
export function convertGeminiUsage(usage: GeminiUsageMetadata): Usage {
  const count = (field: keyof GeminiUsageMetadata & string) => expectTokenCount(usage[field], `usageMetadata.${field}`);
  const thoughts = count('thoughtsTokenCount');
  const cached = count('cachedContentTokenCount');
  const promptTokens = (count('promptTokenCount') ?? 0) + (count('toolUsePromptTokenCount') ?? 0);
  const completionTokens = (count('candidatesTokenCount') ?? 0) + (thoughts ?? 0);
  const converted: Usage = {
    promptTokens,
    completionTokens,
    totalTokens: count('totalTokenCount') ?? promptTokens + completionTokens,
  };
  if (cached !== undefined) converted.cachedPromptTokens = cached;
  if (thoughts !== undefined) converted.reasoningTokens = thoughts;
  return converted;
}
