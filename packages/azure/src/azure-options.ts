import type { OpenAIChatOptions, OpenAIResponsesOptions } from '@rig-ts/openai-wire';

/**
 * Options of `client.completionModel(deployment, options)`: the API to use (the Responses API by default, or
 * `{ api: 'chat' }`), and that API's typed options (also accepted per request under `providerOptions.azure`).
 */
export type AzureModelOptions = ({ api?: 'responses' } & OpenAIResponsesOptions) | ({ api: 'chat' } & OpenAIChatOptions);
