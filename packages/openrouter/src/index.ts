export { Client } from './openrouter-provider.js';
export { OPENROUTER_DEFAULTS } from './openrouter-settings.js';
export type { OpenRouterClientOptions } from './openrouter-settings.js';
export type { OpenRouterOptions } from './openrouter-options.js';
// The model class is the return type of `completionModel`, which builds it.
export type { OpenAIChatModel } from '@rig-ts/openai-wire';
export type { OpenAIChatRawResponse } from '@rig-ts/openai-wire';
export { VERSION } from './version.js';
