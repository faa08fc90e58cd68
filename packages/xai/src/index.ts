export { Client } from './xai-provider.js';
export { responsesModel } from './xai-responses-model.js';
export { XAI_DEFAULTS } from './xai-settings.js';
export type { XAIClientOptions } from './xai-settings.js';
export type { XAIModelOptions, XAIOptions } from './xai-options.js';
// The model classes are the return types of `completionModel`, which builds them.
export type { OpenAIChatModel, OpenAIResponsesModel } from '@rig-ts/openai-wire';
export type { OpenAIChatRawResponse, OpenAIResponsesOptions, OpenAIResponsesRawResponse } from '@rig-ts/openai-wire';
export { VERSION } from './version.js';
