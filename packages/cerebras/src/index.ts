export { Client } from './cerebras-provider.js';
export { CEREBRAS_DEFAULTS } from './cerebras-settings.js';
export type { CerebrasClientOptions } from './cerebras-settings.js';
export type { CerebrasOptions } from './cerebras-options.js';
// The model class is the return type of `completionModel`, which builds it.
export type { OpenAIChatModel } from '@rig-ts/openai-wire';
export type { OpenAIChatRawResponse } from '@rig-ts/openai-wire';
export { VERSION } from './version.js';
