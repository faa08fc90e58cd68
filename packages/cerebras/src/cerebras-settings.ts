import type { ChatProviderClientOptions, ChatProviderDefinition } from '@rig-ts/openai-wire';

/**
 * Options of the Cerebras {@link Client}. Explicit values win, then the environment, then {@link CEREBRAS_DEFAULTS}:
 * `apiKey` defaults to `CEREBRAS_API_KEY` (read when a request is made), `baseURL` to `CEREBRAS_BASE_URL`, then
 * `https://api.cerebras.ai/v1`.
 */
export type CerebrasClientOptions = ChatProviderClientOptions;

/**
 * Cerebras's endpoint, key variable and departures from OpenAI's Chat Completions (the quirk switches are
 * documented in @rig-ts/openai-compatible's README; set each one from the API's documentation and recordings).
 */
export const CEREBRAS_DEFAULTS: ChatProviderDefinition = {
  provider: 'cerebras',
  displayName: 'Cerebras',
  baseURL: 'https://api.cerebras.ai/v1',
  apiKeyVariables: ['CEREBRAS_API_KEY'],
  baseURLVariable: 'CEREBRAS_BASE_URL',
  quirks: {
    reasoningField: 'reasoning',
    maxTokensField: 'max_tokens',
    systemRole: 'system',
    structuredOutput: 'json_schema',
    strict: false,
  },
};
