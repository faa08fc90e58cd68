export { Client } from './cerebras-provider.js';
export { CEREBRAS_DEFAULTS } from './cerebras-settings.js';
export type { CerebrasClientOptions } from './cerebras-settings.js';
export type { CerebrasOptions } from './cerebras-options.js';
export { OpenAIChatModel } from '@rig-ts/openai-wire';
export type { OpenAIChatRawResponse } from '@rig-ts/openai-wire';
export { VERSION } from './version.js';
