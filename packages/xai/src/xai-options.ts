import type { OpenAIChatOptions, OpenAIResponsesOptions } from '@rig-ts/openai-wire';

/**
 * Typed options of xAI on Chat Completions, at model level (`client.completionModel(id, options)`) or per request
 * under `providerOptions.xai`: the Chat Completions options, with xAI's reasoning efforts.
 */
export interface XAIOptions extends Omit<OpenAIChatOptions, 'reasoningEffort'> {
  /** Reasoning effort of the models that take it (grok-3-mini). */
  reasoningEffort?: 'low' | 'high';
}

/** Options of `client.completionModel(id, options)`: the API to use, and that API's typed options. */
export type XAIModelOptions = ({ api?: 'chat' } & XAIOptions) | ({ api: 'responses' } & OpenAIResponsesOptions);
