export { Client } from './openrouter-provider.js';
export { OPENROUTER_DEFAULTS } from './openrouter-settings.js';
export type { OpenrouterClientOptions } from './openrouter-settings.js';
export type { OpenrouterOptions } from './openrouter-options.js';
export { OpenAIChatModel } from '@rig-ts/openai-wire';
export type { OpenAIChatRawResponse } from '@rig-ts/openai-wire';
export { VERSION } from './version.js';
