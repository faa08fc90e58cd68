export { Client } from './openai-compatible-provider.js';
export { responsesModel } from './openai-compatible-responses-model.js';
export { OPENAI_COMPATIBLE_DEFAULTS } from './openai-compatible-settings.js';
export type { OpenAICompatibleClientOptions, OpenAICompatibleModelOptions } from './openai-compatible-settings.js';
export { KNOWN_SERVERS } from './known-servers.js';
export type { KnownServer } from './known-servers.js';
// The model classes are the return types of `completionModel`, which builds them. OpenAI's own quirks (the
// defaults under `quirks`) stay in @rig-ts/openai-wire.
export type { OpenAIChatModel, OpenAIResponsesModel } from '@rig-ts/openai-wire';
export type {
  ChatQuirks,
  OpenAIChatOptions,
  OpenAIChatRawResponse,
  OpenAIResponsesOptions,
  OpenAIResponsesRawResponse,
} from '@rig-ts/openai-wire';
export { VERSION } from './version.js';
