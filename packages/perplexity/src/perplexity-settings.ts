import type { ChatProviderClientOptions, ChatProviderDefinition } from '@rig-ts/openai-wire';

/**
 * Options of the Perplexity {@link Client}. Explicit values win, then the environment, then
 * {@link PERPLEXITY_DEFAULTS}: `apiKey` defaults to `PERPLEXITY_API_KEY` (read when a request is made), `baseURL` to
 * `PERPLEXITY_BASE_URL`, then `https://api.perplexity.ai`.
 */
export type PerplexityClientOptions = ChatProviderClientOptions;

/**
 * Perplexity's endpoint, key variable and departures from OpenAI's Chat Completions: no function tools (dropped with a
 * warning), `max_tokens`, usage in every chunk (so no `stream_options`), a stream that ends with its finish-reason
 * chunk (`[DONE]` not required), and `citations` / `search_results`, kept on the text block under
 * `providerMetadata.openai.citations` / `.searchResults`.
 */
export const PERPLEXITY_DEFAULTS: ChatProviderDefinition = {
  provider: 'perplexity',
  displayName: 'Perplexity',
  baseURL: 'https://api.perplexity.ai',
  apiKeyVariables: ['PERPLEXITY_API_KEY'],
  baseURLVariable: 'PERPLEXITY_BASE_URL',
  quirks: {
    reasoningField: 'none',
    maxTokensField: 'max_tokens',
    systemRole: 'system',
    streamUsage: false,
    tools: false,
    toolChoice: false,
    structuredOutput: 'json_schema',
    strict: false,
    requireDone: false,
  },
  optionFields: [
    ['searchMode', 'search_mode'],
    ['searchDomainFilter', 'search_domain_filter'],
    ['searchRecencyFilter', 'search_recency_filter'],
    ['searchAfterDateFilter', 'search_after_date_filter'],
    ['searchBeforeDateFilter', 'search_before_date_filter'],
    ['returnImages', 'return_images'],
    ['returnRelatedQuestions', 'return_related_questions'],
    ['webSearchOptions', 'web_search_options'],
  ],
};
