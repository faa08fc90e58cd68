import type { ChatProviderClientOptions, ChatProviderDefinition } from '@rig-ts/openai-wire';

/**
 * Options of the Perplexity {@link Client}. Explicit values win, then the environment, then {@link PERPLEXITY_DEFAULTS}:
 * `apiKey` defaults to `PERPLEXITY_API_KEY` (read when a request is made), `baseURL` to `PERPLEXITY_BASE_URL`, then
 * `https://api.perplexity.ai`.
 */
export type PerplexityClientOptions = ChatProviderClientOptions;

/**
 * Perplexity's endpoint, key variable and departures from OpenAI's Chat Completions (the quirk switches are
 * documented in @rig-ts/openai-compatible's README; set each one from the API's documentation and recordings).
 */
export const PERPLEXITY_DEFAULTS: ChatProviderDefinition = {
  provider: 'perplexity',
  displayName: 'Perplexity',
  baseURL: 'https://api.perplexity.ai',
  apiKeyVariables: ['PERPLEXITY_API_KEY'],
  baseURLVariable: 'PERPLEXITY_BASE_URL',
  quirks: {
    reasoningField: 'reasoning',
    maxTokensField: 'max_tokens',
    systemRole: 'system',
    structuredOutput: 'json_schema',
    strict: false,
  },
};
