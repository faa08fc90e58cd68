export { Client } from './perplexity-provider.js';
export { PERPLEXITY_DEFAULTS } from './perplexity-settings.js';
export type { PerplexityClientOptions } from './perplexity-settings.js';
export type { PerplexityOptions } from './perplexity-options.js';
// The model class is the return type of `completionModel`, which builds it.
export type { OpenAIChatModel } from '@rig-ts/openai-wire';
export type { OpenAIChatRawResponse } from '@rig-ts/openai-wire';
export { VERSION } from './version.js';
