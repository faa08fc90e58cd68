/** Typed options of the Responses API, at model level or per request under `providerOptions.openai`. */
export interface OpenAIResponsesOptions {
  /** Reasoning effort for reasoning models. */
  reasoningEffort?: 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh';
  /** Ask for reasoning summaries (`auto`, `concise`, `detailed`). */
  reasoningSummary?: 'auto' | 'concise' | 'detailed';
  /** Keep the response on OpenAI's side (`store`). @default the API's (true) */
  store?: boolean;
  /**
   * Ask for encrypted reasoning, needed to replay reasoning in history when responses are not stored.
   * @default true for reasoning models
   */
  includeEncryptedReasoning?: boolean;
  /** Extra `include` values (`file_search_call.results`, `message.output_text.logprobs`…). */
  include?: string[];
  /** Continue from a stored response instead of replaying history. */
  previousResponseId?: string;
  parallelToolCalls?: boolean;
  /** Make function tools strict when their schema already meets strict mode. @default true */
  strictTools?: boolean;
  /** Strict JSON-schema output (the schema is normalized for strict mode). @default true */
  strictJsonSchema?: boolean;
  textVerbosity?: 'low' | 'medium' | 'high';
  serviceTier?: 'auto' | 'default' | 'flex' | 'priority';
  truncation?: 'auto' | 'disabled';
  user?: string;
  safetyIdentifier?: string;
  promptCacheKey?: string;
  metadata?: { [key: string]: string };
  maxToolCalls?: number;
  topP?: number;
  topLogprobs?: number;
}
