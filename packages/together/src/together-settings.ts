import type { ChatProviderClientOptions, ChatProviderDefinition } from '@rig-ts/openai-wire';

/**
 * Options of the Together AI {@link Client}. Explicit values win, then the environment, then
 * {@link TOGETHER_DEFAULTS}: `apiKey` defaults to `TOGETHER_API_KEY` or `TOGETHER_AI_API_KEY` (read when a request is
 * made), `baseURL` to `TOGETHER_BASE_URL`, then `https://api.together.xyz/v1`.
 */
export type TogetherClientOptions = ChatProviderClientOptions;

/**
 * Together AI's endpoint, key variables and departures from OpenAI's Chat Completions: reasoning in `reasoning`,
 * `max_tokens`, JSON schemas and tools sent non-strict. (No recording of Together's wire exists yet: these settings
 * follow Together's documentation and are tested against hand-written stubs.)
 */
export const TOGETHER_DEFAULTS: ChatProviderDefinition = {
  provider: 'together',
  displayName: 'Together AI',
  baseURL: 'https://api.together.xyz/v1',
  apiKeyVariables: ['TOGETHER_API_KEY', 'TOGETHER_AI_API_KEY'],
  baseURLVariable: 'TOGETHER_BASE_URL',
  quirks: {
    reasoningField: 'reasoning',
    maxTokensField: 'max_tokens',
    systemRole: 'system',
    structuredOutput: 'json_schema',
    strict: false,
  },
  optionFields: [
    ['topK', 'top_k'],
    ['repetitionPenalty', 'repetition_penalty'],
    ['minP', 'min_p'],
    ['safetyModel', 'safety_model'],
  ],
};
