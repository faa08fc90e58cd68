import type { OpenAIChatOptions } from '@rig-ts/openai-wire';

/**
 * Typed options of Perplexity, at model level (`client.completionModel(id, options)`) or per request under
 * `providerOptions.perplexity`: the Chat Completions options Sonar takes, plus its search controls.
 */
export interface PerplexityOptions extends Pick<
  OpenAIChatOptions,
  'reasoningEffort' | 'strictJsonSchema' | 'topP' | 'frequencyPenalty' | 'presencePenalty'
> {
  /** Where to search: the web, academic sources, or SEC filings. @default 'web' */
  searchMode?: 'web' | 'academic' | 'sec';
  /** Domains to search only (`example.com`) or to leave out (`-example.com`). */
  searchDomainFilter?: string[];
  /** Only sources published within this period. */
  searchRecencyFilter?: 'hour' | 'day' | 'week' | 'month' | 'year';
  /** Only sources published after this date (`MM/DD/YYYY`). */
  searchAfterDateFilter?: string;
  /** Only sources published before this date (`MM/DD/YYYY`). */
  searchBeforeDateFilter?: string;
  /** Return images with the answer. @default false */
  returnImages?: boolean;
  /** Return related questions with the answer. @default false */
  returnRelatedQuestions?: boolean;
  /** How much search context to use (`{ search_context_size: 'high' }`), in Perplexity's key names. */
  webSearchOptions?: { search_context_size?: 'low' | 'medium' | 'high' };
}
