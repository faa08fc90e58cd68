export { Client } from './azure-provider.js';
export { chatCompletionsModel } from './azure-chat-completions-model.js';
export { AZURE_DEFAULTS } from './azure-settings.js';
export type { AzureClientOptions } from './azure-settings.js';
export type { AzureModelOptions } from './azure-options.js';
// The model classes are the return types of `completionModel`, which builds them.
export type { OpenAIChatModel, OpenAIResponsesModel } from '@rig-ts/openai-wire';
export type {
  OpenAIChatOptions,
  OpenAIChatRawResponse,
  OpenAIResponsesOptions,
  OpenAIResponsesRawResponse,
} from '@rig-ts/openai-wire';
export { VERSION } from './version.js';
