import type { OpenAIChatOptions } from '@rig-ts/openai-wire';

/**
 * Typed options of Mistral, at model level (`client.completionModel(id, options)`) or per request under
 * `providerOptions.mistral`: the Chat Completions options Mistral's API takes, plus Mistral's own. (Mistral rejects
 * unknown body fields, so OpenAI-only options such as `seed`, `user`, `logitBias` or `store` are left out.)
 */
export interface MistralOptions extends Pick<
  OpenAIChatOptions,
  | 'reasoningEffort'
  | 'parallelToolCalls'
  | 'strictTools'
  | 'strictJsonSchema'
  | 'topP'
  | 'frequencyPenalty'
  | 'presencePenalty'
  | 'stop'
  | 'promptCacheKey'
> {
  /** The seed of the sampling, for deterministic results. */
  randomSeed?: number;
  /** Put Mistral's safety prompt before the conversation. @default false */
  safePrompt?: boolean;
  /** `reasoning` uses the reasoning system prompt of Magistral models. */
  promptMode?: 'reasoning';
  /** Expected output, to speed up answers that mostly repeat it. */
  prediction?: { type: 'content'; content: string };
  /** Request metadata. */
  metadata?: { [key: string]: unknown };
  /** `standard_only` never falls back to another tier. */
  serviceTier?: 'auto' | 'standard_only';
}
