export { Client } from './anthropic-provider.js';
export { AnthropicCompletionModel } from './anthropic-completion-model.js';
export { ANTHROPIC_DEFAULTS } from './anthropic-settings.js';
export type { AnthropicClientOptions } from './anthropic-settings.js';
export type {
  AnthropicCacheControl,
  AnthropicContentOptions,
  AnthropicOptions,
  AnthropicThinking,
} from './anthropic-options.js';
// The raw response type is public (it is `rawResponse`); the other wire shapes and the mappers stay internal.
export type { AnthropicRawResponse } from './parse-anthropic-response.js';
export type { AnthropicMessage, AnthropicUsage } from './anthropic-api-types.js';
export { VERSION } from './version.js';
