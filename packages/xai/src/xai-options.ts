import type { OpenAIChatOptions } from '@rig-ts/openai-wire';

/**
 * Typed options of xAI on Chat Completions, at model level (`client.completionModel(id, options)`) or per request
 * under `providerOptions.xai`: the Chat Completions options, with xAI's reasoning efforts.
 */
export interface XAIOptions extends Omit<OpenAIChatOptions, 'reasoningEffort'> {
  /** Reasoning effort of the models that take it (grok-3-mini). */
  reasoningEffort?: 'low' | 'high';
}

/**
 * Options of `client.completionModel(id, options)` (Chat Completions). Responses API models come from
 * `responsesModel(client, id, options)` and take `OpenAIResponsesOptions`.
 */
export type XAIModelOptions = XAIOptions;
