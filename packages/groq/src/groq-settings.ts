import type { ChatProviderClientOptions, ChatProviderDefinition } from '@rig-ts/openai-wire';

/**
 * Options of the Groq {@link Client}. Explicit values win, then the environment, then {@link GROQ_DEFAULTS}:
 * `apiKey` defaults to `GROQ_API_KEY` (read when a request is made), `baseURL` to `GROQ_BASE_URL`, then
 * `https://api.groq.com/openai/v1`.
 */
export type GroqClientOptions = ChatProviderClientOptions;

/**
 * Groq's endpoint, key variable and departures from OpenAI's Chat Completions: reasoning in `reasoning`,
 * `max_completion_tokens`, usage sent at the end of every stream unasked (so no `stream_options`), JSON schemas in
 * best-effort mode (`strict: false`, which every Groq model with structured output takes). Errors that arrive inside
 * a 200 stream (`event: error`, e.g. `tool_use_failed`) become `provider` errors with Groq's message.
 */
export const GROQ_DEFAULTS: ChatProviderDefinition = {
  provider: 'groq',
  displayName: 'Groq',
  baseURL: 'https://api.groq.com/openai/v1',
  apiKeyVariables: ['GROQ_API_KEY'],
  baseURLVariable: 'GROQ_BASE_URL',
  quirks: {
    reasoningField: 'reasoning',
    maxTokensField: 'max_completion_tokens',
    systemRole: 'system',
    streamUsage: false,
    structuredOutput: 'json_schema',
    strict: false,
  },
  optionFields: [
    ['reasoningFormat', 'reasoning_format'],
    ['includeReasoning', 'include_reasoning'],
  ],
};
