import type { ChatProviderClientOptions, ChatProviderDefinition } from '@rig-ts/openai-wire';

/**
 * Options of the OpenRouter {@link Client}. Explicit values win, then the environment, then {@link OPENROUTER_DEFAULTS}:
 * `apiKey` defaults to `OPENROUTER_API_KEY` (read when a request is made), `baseURL` to `OPENROUTER_BASE_URL`, then
 * `https://openrouter.ai/api/v1`.
 */
export type OpenrouterClientOptions = ChatProviderClientOptions;

/**
 * OpenRouter's endpoint, key variable and departures from OpenAI's Chat Completions (the quirk switches are
 * documented in @rig-ts/openai-compatible's README; set each one from the API's documentation and recordings).
 */
export const OPENROUTER_DEFAULTS: ChatProviderDefinition = {
  provider: 'openrouter',
  displayName: 'OpenRouter',
  baseURL: 'https://openrouter.ai/api/v1',
  apiKeyVariables: ['OPENROUTER_API_KEY'],
  baseURLVariable: 'OPENROUTER_BASE_URL',
  quirks: {
    reasoningField: 'reasoning',
    maxTokensField: 'max_tokens',
    systemRole: 'system',
    structuredOutput: 'json_schema',
    strict: false,
  },
};
