/** Typed options of Chat Completions, at model level or per request under `providerOptions.<provider>`. */
export interface OpenAIChatOptions {
  /** Reasoning effort for reasoning models. */
  reasoningEffort?: 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh';
  parallelToolCalls?: boolean;
  /** Make function tools strict when their schema already meets strict mode. @default true */
  strictTools?: boolean;
  /** Strict JSON-schema output (the schema is normalized for strict mode). @default true */
  strictJsonSchema?: boolean;
  user?: string;
  safetyIdentifier?: string;
  seed?: number;
  topP?: number;
  frequencyPenalty?: number;
  presencePenalty?: number;
  stop?: string | string[];
  logitBias?: { [token: string]: number };
  logprobs?: boolean;
  topLogprobs?: number;
  store?: boolean;
  metadata?: { [key: string]: string };
  serviceTier?: 'auto' | 'default' | 'flex' | 'priority';
  promptCacheKey?: string;
  verbosity?: 'low' | 'medium' | 'high';
  /** Audio input format when a clip has no media type. @default 'mp3' */
  audioFormat?: string;
}
