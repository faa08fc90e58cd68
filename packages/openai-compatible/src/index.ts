export { Client } from './openai-compatible-provider.js';
export { OPENAI_COMPATIBLE_DEFAULTS } from './openai-compatible-settings.js';
export type { OpenAICompatibleClientOptions, OpenAICompatibleModelOptions } from './openai-compatible-settings.js';
export { KNOWN_SERVERS } from './known-servers.js';
export type { KnownServer } from './known-servers.js';
export { OPENAI_CHAT_QUIRKS, OpenAIChatModel, OpenAIResponsesModel } from '@rig-ts/openai-wire';
export type { ChatQuirks, OpenAIChatOptions, OpenAIChatRawResponse, OpenAIResponsesOptions, OpenAIResponsesRawResponse } from '@rig-ts/openai-wire';
export { VERSION } from './version.js';
