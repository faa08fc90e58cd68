import type { OpenAIChatOptions } from '@rig-ts/openai-wire';

/**
 * Typed options of Together AI, at model level (`client.completionModel(id, options)`) or per request under
 * `providerOptions.together`: the Chat Completions options, plus Together's sampling and safety controls.
 */
export interface TogetherOptions extends OpenAIChatOptions {
  /** Sample only from the `topK` most likely tokens. */
  topK?: number;
  /** Penalty for repeated tokens (1 = none). */
  repetitionPenalty?: number;
  /** Drop tokens less likely than `minP` times the most likely one. */
  minP?: number;
  /** A moderation model to run on the conversation, e.g. `meta-llama/Meta-Llama-Guard-3-8B`. */
  safetyModel?: string;
}
