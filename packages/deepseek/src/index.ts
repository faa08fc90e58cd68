export { Client } from './deepseek-provider.js';
export { DEEPSEEK_DEFAULTS } from './deepseek-settings.js';
export type { DeepSeekClientOptions } from './deepseek-settings.js';
export type { DeepSeekOptions } from './deepseek-options.js';
// The model class is the return type of `completionModel`, which builds it.
export type { OpenAIChatModel } from '@rig-ts/openai-wire';
export type { OpenAIChatRawResponse } from '@rig-ts/openai-wire';
export { VERSION } from './version.js';
