import { type Usage } from '@rig-ts/core';
import { expectTokenCount } from '@rig-ts/core/internal';
import type { ResponsesUsage } from './openai-responses-api-types.js';

/**
 * Responses API usage → `Usage` (cached input and reasoning output tokens kept). A count of the wrong type (a string,
 * a negative or fractional number) is a `TypeError` naming it; a missing total is the sum.
 */
export function convertOpenAIResponsesUsage(usage: ResponsesUsage | null | undefined): Usage | undefined {
  if (!usage) return undefined;
  const promptTokens = expectTokenCount(usage.input_tokens, 'usage.input_tokens') ?? 0;
  const completionTokens = expectTokenCount(usage.output_tokens, 'usage.output_tokens') ?? 0;
  const converted: Usage = {
    promptTokens,
    completionTokens,
    totalTokens: expectTokenCount(usage.total_tokens, 'usage.total_tokens') ?? promptTokens + completionTokens,
  };
  const cached = expectTokenCount(
    usage.input_tokens_details?.cached_tokens,
    'usage.input_tokens_details.cached_tokens',
  );
  const reasoning = expectTokenCount(
    usage.output_tokens_details?.reasoning_tokens,
    'usage.output_tokens_details.reasoning_tokens',
  );
  if (cached !== undefined) converted.cachedPromptTokens = cached;
  if (reasoning !== undefined) converted.reasoningTokens = reasoning;
  return converted;
}
