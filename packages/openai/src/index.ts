export { Client } from './openai-provider.js';
export { OPENAI_DEFAULTS } from './openai-settings.js';
export type { OpenAIClientOptions, OpenAIModelOptions } from './openai-settings.js';
export { OpenAIChatModel, OpenAIResponsesModel } from '@rig-ts/openai-wire';
export type { OpenAIChatOptions, OpenAIChatRawResponse, OpenAIResponsesOptions, OpenAIResponsesRawResponse } from '@rig-ts/openai-wire';
export { VERSION } from './version.js';
