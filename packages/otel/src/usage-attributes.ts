import type { Attributes } from '@opentelemetry/api';
import type { Usage } from '@rig-ts/core';
import {
  ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_OUTPUT_TOKENS,
  ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS,
} from './gen-ai-attributes.js';

/** True when the provider reported usage: rig-ts reads a missing usage as zeros, and a real call always has input. */
export function hasUsage(usage: Usage | undefined): usage is Usage {
  return usage !== undefined && (usage.promptTokens > 0 || usage.completionTokens > 0);
}

/**
 * The `gen_ai.usage.*` attributes of a usage. rig-ts's counts already follow the conventions: input tokens include
 * cache reads and writes (Anthropic's are summed), output tokens include reasoning.
 */
export function usageAttributes(usage: Usage): Attributes {
  const attributes: Attributes = {
    [ATTR_GEN_AI_USAGE_INPUT_TOKENS]: usage.promptTokens,
    [ATTR_GEN_AI_USAGE_OUTPUT_TOKENS]: usage.completionTokens,
  };
  if (usage.cachedPromptTokens !== undefined)
    attributes[ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS] = usage.cachedPromptTokens;
  if (usage.cacheCreationTokens !== undefined)
    attributes[ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS] = usage.cacheCreationTokens;
  if (usage.reasoningTokens !== undefined)
    attributes[ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS] = usage.reasoningTokens;
  return attributes;
}
