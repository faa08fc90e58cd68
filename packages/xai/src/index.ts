export { Client } from './xai-provider.js';
export { XAI_DEFAULTS } from './xai-settings.js';
export type { XaiClientOptions } from './xai-settings.js';
export type { XaiOptions } from './xai-options.js';
export { OpenAIChatModel } from '@rig-ts/openai-wire';
export type { OpenAIChatRawResponse } from '@rig-ts/openai-wire';
export { VERSION } from './version.js';
