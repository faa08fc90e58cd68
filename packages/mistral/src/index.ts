export { Client } from './mistral-provider.js';
export { MISTRAL_DEFAULTS } from './mistral-settings.js';
export type { MistralClientOptions } from './mistral-settings.js';
export type { MistralOptions } from './mistral-options.js';
// The model class is the return type of `completionModel`, which builds it.
export type { OpenAIChatModel } from '@rig-ts/openai-wire';
export type { OpenAIChatRawResponse } from '@rig-ts/openai-wire';
export { VERSION } from './version.js';
