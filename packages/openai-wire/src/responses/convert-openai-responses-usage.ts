import type { Usage } from '@rig-ts/core';
import type { ResponsesUsage } from './openai-responses-api-types.js';

/** Responses API usage → `Usage` (cached input and reasoning output tokens kept). */
export function convertOpenAIResponsesUsage(usage: ResponsesUsage | null | undefined): Usage | undefined {
  if (!usage) return undefined;
  const converted: Usage = { promptTokens: usage.input_tokens, completionTokens: usage.output_tokens, totalTokens: usage.total_tokens };
  const cached = usage.input_tokens_details?.cached_tokens;
  const reasoning = usage.output_tokens_details?.reasoning_tokens;
  if (cached !== undefined) converted.cachedPromptTokens = cached;
  if (reasoning !== undefined) converted.reasoningTokens = reasoning;
  return converted;
}
