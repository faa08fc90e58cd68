import type { ChatProviderClientOptions, ChatProviderDefinition } from '@rig-ts/openai-wire';

/**
 * Options of the Cerebras {@link Client}. Explicit values win, then the environment, then {@link CEREBRAS_DEFAULTS}:
 * `apiKey` defaults to `CEREBRAS_API_KEY` (read when a request is made), `baseURL` to `CEREBRAS_BASE_URL`, then
 * `https://api.cerebras.ai/v1`.
 */
export type CerebrasClientOptions = ChatProviderClientOptions;

/**
 * Cerebras's endpoint, key variable and departures from OpenAI's Chat Completions: reasoning in `reasoning`, earlier
 * reasoning sent back as `<think>…</think>` before the assistant's text (as the recorded multi-turn GLM conversation
 * does), `max_completion_tokens`, strict JSON schemas and tools, no `stream_options`.
 */
export const CEREBRAS_DEFAULTS: ChatProviderDefinition = {
  provider: 'cerebras',
  displayName: 'Cerebras',
  baseURL: 'https://api.cerebras.ai/v1',
  apiKeyVariables: ['CEREBRAS_API_KEY'],
  baseURLVariable: 'CEREBRAS_BASE_URL',
  quirks: {
    reasoningField: 'reasoning',
    sendReasoning: 'think-tags',
    maxTokensField: 'max_completion_tokens',
    systemRole: 'system',
    streamUsage: false,
    structuredOutput: 'json_schema',
    strict: true,
  },
};
