import type { OpenAIResponsesOptions } from '@rig-ts/openai-wire';

/**
 * Options of `client.completionModel(deployment, options)` (the Responses API; also accepted per request under
 * `providerOptions.azure`). Chat Completions deployments come from `chatCompletionsModel(client, deployment, options)`
 * and take `OpenAIChatOptions`.
 */
export type AzureModelOptions = OpenAIResponsesOptions;
