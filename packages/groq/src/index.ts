export { Client } from './groq-provider.js';
export { GROQ_DEFAULTS } from './groq-settings.js';
export type { GroqClientOptions } from './groq-settings.js';
export type { GroqOptions } from './groq-options.js';
// The model class is the return type of `completionModel`, which builds it.
export type { OpenAIChatModel } from '@rig-ts/openai-wire';
export type { OpenAIChatRawResponse } from '@rig-ts/openai-wire';
export { VERSION } from './version.js';
