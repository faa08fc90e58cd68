import type { ChatProviderClientOptions, ChatProviderDefinition } from '@rig-ts/openai-wire';

/**
 * Options of the Together AI {@link Client}. Explicit values win, then the environment, then {@link TOGETHER_DEFAULTS}:
 * `apiKey` defaults to `TOGETHER_API_KEY` (read when a request is made), `baseURL` to `TOGETHER_BASE_URL`, then
 * `https://api.together.xyz/v1`.
 */
export type TogetherClientOptions = ChatProviderClientOptions;

/**
 * Together AI's endpoint, key variable and departures from OpenAI's Chat Completions (the quirk switches are
 * documented in @rig-ts/openai-compatible's README; set each one from the API's documentation and recordings).
 */
export const TOGETHER_DEFAULTS: ChatProviderDefinition = {
  provider: 'together',
  displayName: 'Together AI',
  baseURL: 'https://api.together.xyz/v1',
  apiKeyVariables: ['TOGETHER_API_KEY'],
  baseURLVariable: 'TOGETHER_BASE_URL',
  quirks: {
    reasoningField: 'reasoning',
    maxTokensField: 'max_tokens',
    systemRole: 'system',
    structuredOutput: 'json_schema',
    strict: false,
  },
};
