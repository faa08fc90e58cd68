import type { ChatProviderClientOptions, ChatProviderDefinition } from '@rig-ts/openai-wire';

/**
 * Options of the Mistral {@link Client}. Explicit values win, then the environment, then {@link MISTRAL_DEFAULTS}:
 * `apiKey` defaults to `MISTRAL_API_KEY` (read when a request is made), `baseURL` to `MISTRAL_BASE_URL`, then
 * `https://api.mistral.ai/v1`.
 */
export type MistralClientOptions = ChatProviderClientOptions;

/**
 * Mistral's endpoint, key variable and departures from OpenAI's Chat Completions (the quirk switches are
 * documented in @rig-ts/openai-compatible's README; set each one from the API's documentation and recordings).
 */
export const MISTRAL_DEFAULTS: ChatProviderDefinition = {
  provider: 'mistral',
  displayName: 'Mistral',
  baseURL: 'https://api.mistral.ai/v1',
  apiKeyVariables: ['MISTRAL_API_KEY'],
  baseURLVariable: 'MISTRAL_BASE_URL',
  quirks: {
    reasoningField: 'reasoning',
    maxTokensField: 'max_tokens',
    systemRole: 'system',
    structuredOutput: 'json_schema',
    strict: false,
  },
};
