import type { ChatProviderClientOptions, ChatProviderDefinition } from '@rig-ts/openai-wire';

/**
 * Options of the Mistral {@link Client}. Explicit values win, then the environment, then {@link MISTRAL_DEFAULTS}:
 * `apiKey` defaults to `MISTRAL_API_KEY` (read when a request is made), `baseURL` to `MISTRAL_BASE_URL`, then
 * `https://api.mistral.ai/v1`.
 */
export type MistralClientOptions = ChatProviderClientOptions;

/**
 * Mistral's endpoint, key variable and departures from OpenAI's Chat Completions: `max_tokens`, no
 * `stream_options` (Mistral rejects unknown fields and sends usage in the last chunk anyway), Magistral reasoning as
 * `thinking` parts of the content (read as reasoning blocks), and the `model_length` finish reason (→ `length`).
 */
export const MISTRAL_DEFAULTS: ChatProviderDefinition = {
  provider: 'mistral',
  displayName: 'Mistral',
  baseURL: 'https://api.mistral.ai/v1',
  apiKeyVariables: ['MISTRAL_API_KEY'],
  baseURLVariable: 'MISTRAL_BASE_URL',
  quirks: {
    reasoningField: 'none',
    maxTokensField: 'max_tokens',
    systemRole: 'system',
    streamUsage: false,
    structuredOutput: 'json_schema',
    strict: true,
  },
  optionFields: [
    ['randomSeed', 'random_seed'],
    ['safePrompt', 'safe_prompt'],
    ['promptMode', 'prompt_mode'],
    ['prediction', 'prediction'],
  ],
};
