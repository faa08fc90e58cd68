import type { ChatProviderClientOptions, ChatProviderDefinition } from '@rig-ts/openai-wire';

/**
 * Options of the xAI {@link Client}. Explicit values win, then the environment, then {@link XAI_DEFAULTS}: `apiKey`
 * defaults to `XAI_API_KEY` (read when a request is made), `baseURL` to `XAI_BASE_URL`, then `https://api.x.ai/v1`.
 */
export type XAIClientOptions = ChatProviderClientOptions;

/**
 * xAI's endpoint, key variable and departures from OpenAI's Chat Completions: reasoning in `reasoning_content`,
 * `max_completion_tokens`, strict JSON schemas and tools. Its Responses API (`{ api: 'responses' }`) is OpenAI's.
 */
export const XAI_DEFAULTS: ChatProviderDefinition = {
  provider: 'xai',
  displayName: 'xAI',
  baseURL: 'https://api.x.ai/v1',
  apiKeyVariables: ['XAI_API_KEY'],
  baseURLVariable: 'XAI_BASE_URL',
  quirks: {
    reasoningField: 'reasoning_content',
    maxTokensField: 'max_completion_tokens',
    systemRole: 'system',
    structuredOutput: 'json_schema',
    strict: true,
  },
};
