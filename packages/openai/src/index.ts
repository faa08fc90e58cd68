export { Client } from './openai-provider.js';
export { chatCompletionsModel } from './openai-chat-completions-model.js';
export { OPENAI_DEFAULTS } from './openai-settings.js';
export type { OpenAIClientOptions, OpenAIModelOptions } from './openai-settings.js';
// The model classes are the return types of `completionModel` and `chatCompletionsModel`; they are built by those.
export type { OpenAIChatModel, OpenAIResponsesModel } from '@rig-ts/openai-wire';
export type {
  OpenAIChatOptions,
  OpenAIChatRawResponse,
  OpenAIResponsesOptions,
  OpenAIResponsesRawResponse,
} from '@rig-ts/openai-wire';
export { VERSION } from './version.js';
