export { Client } from './openrouter-provider.js';
export { OPENROUTER_DEFAULTS } from './openrouter-settings.js';
export type { OpenRouterClientOptions } from './openrouter-settings.js';
export type { OpenRouterOptions } from './openrouter-options.js';
export { OpenAIChatModel } from '@rig-ts/openai-wire';
export type { OpenAIChatRawResponse } from '@rig-ts/openai-wire';
export { VERSION } from './version.js';
