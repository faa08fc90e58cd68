import type { ChatProviderClientOptions, ChatProviderDefinition } from '@rig-ts/openai-wire';

/**
 * Options of the DeepSeek {@link Client}. Explicit values win, then the environment, then {@link DEEPSEEK_DEFAULTS}.
 * `apiKey` defaults to `DEEPSEEK_API_KEY` (read when a request is made), `baseURL` to `DEEPSEEK_BASE_URL`, then
 * `https://api.deepseek.com`.
 */
export type DeepSeekClientOptions = ChatProviderClientOptions;

/**
 * DeepSeek's endpoint, key variable and departures from OpenAI's Chat Completions: reasoning in
 * `reasoning_content` (sent back in tool turns, as DeepSeek requires), `max_tokens`, JSON mode only (no JSON
 * schemas: the schema goes into the instructions), no strict mode; usage counts cache hits
 * (`prompt_cache_hit_tokens` → `cachedPromptTokens`).
 */
export const DEEPSEEK_DEFAULTS: ChatProviderDefinition = {
  provider: 'deepseek',
  displayName: 'DeepSeek',
  baseURL: 'https://api.deepseek.com',
  apiKeyVariables: ['DEEPSEEK_API_KEY'],
  baseURLVariable: 'DEEPSEEK_BASE_URL',
  quirks: {
    reasoningField: 'reasoning_content',
    sendReasoning: true,
    maxTokensField: 'max_tokens',
    systemRole: 'system',
    structuredOutput: 'json_object',
    strict: false,
  },
  optionFields: [['thinking', 'thinking']],
};
