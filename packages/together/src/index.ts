export { Client } from './together-provider.js';
export { TOGETHER_DEFAULTS } from './together-settings.js';
export type { TogetherClientOptions } from './together-settings.js';
export type { TogetherOptions } from './together-options.js';
// The model class is the return type of `completionModel`, which builds it.
export type { OpenAIChatModel } from '@rig-ts/openai-wire';
export type { OpenAIChatRawResponse } from '@rig-ts/openai-wire';
export { VERSION } from './version.js';
