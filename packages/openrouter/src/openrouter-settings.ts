import type { ChatProviderClientOptions, ChatProviderDefinition } from '@rig-ts/openai-wire';
import { parseOpenRouterError } from './openrouter-error.js';

/**
 * Options of the OpenRouter {@link Client}. Explicit values win, then the environment, then
 * {@link OPENROUTER_DEFAULTS}: `apiKey` defaults to `OPENROUTER_API_KEY` (read when a request is made), `baseURL` to
 * `OPENROUTER_BASE_URL`, then `https://openrouter.ai/api/v1`.
 */
export interface OpenRouterClientOptions extends ChatProviderClientOptions {
  /** Your app's name on openrouter.ai rankings, sent as `X-Title`. */
  appName?: string;
  /** Your app's URL on openrouter.ai rankings, sent as `HTTP-Referer`. */
  appURL?: string;
}

/**
 * OpenRouter's endpoint, key variable and departures from OpenAI's Chat Completions: reasoning in `reasoning`,
 * `max_completion_tokens`, JSON schemas and tools sent non-strict (upstream models differ). `: OPENROUTER PROCESSING`
 * keep-alive comments are skipped; an `error` on a 200 stream chunk or body, and HTTP error bodies, become errors
 * carrying the upstream provider's own message (`metadata.raw`).
 */
export const OPENROUTER_DEFAULTS: ChatProviderDefinition = {
  provider: 'openrouter',
  displayName: 'OpenRouter',
  baseURL: 'https://openrouter.ai/api/v1',
  apiKeyVariables: ['OPENROUTER_API_KEY'],
  baseURLVariable: 'OPENROUTER_BASE_URL',
  quirks: {
    reasoningField: 'reasoning',
    maxTokensField: 'max_completion_tokens',
    systemRole: 'system',
    structuredOutput: 'json_schema',
    strict: false,
  },
  optionFields: [
    ['reasoning', 'reasoning'],
    ['provider', 'provider'],
    ['models', 'models'],
    ['transforms', 'transforms'],
    ['usage', 'usage'],
  ],
  parseError: parseOpenRouterError,
};
