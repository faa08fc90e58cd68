export { Client } from './deepseek-provider.js';
export { DEEPSEEK_DEFAULTS } from './deepseek-settings.js';
export type { DeepSeekClientOptions } from './deepseek-settings.js';
export type { DeepSeekOptions } from './deepseek-options.js';
export { OpenAIChatModel } from '@rig-ts/openai-wire';
export type { OpenAIChatRawResponse } from '@rig-ts/openai-wire';
export { VERSION } from './version.js';
