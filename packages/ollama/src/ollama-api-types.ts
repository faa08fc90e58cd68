// Wire shapes of Ollama's native chat API (`POST /api/chat`), as in its OpenAPI spec and docs.

export interface OllamaToolCall {
  /** Sent by recent Ollama versions. */
  id?: string;
  function: {
    index?: number;
    name: string;
    /** An object (some models' templates produce a JSON string). */
    arguments?: { [key: string]: unknown } | string;
  };
}

export interface OllamaMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
  thinking?: string;
  images?: string[];
  tool_calls?: OllamaToolCall[];
  tool_name?: string;
  tool_call_id?: string;
}

export interface OllamaToolDefinition {
  type: 'function';
  function: { name: string; description: string; parameters: { [keyword: string]: unknown } };
}

/** The body of `POST /api/chat`. */
export interface OllamaRequest {
  model: string;
  messages: OllamaMessage[];
  stream: boolean;
  tools?: OllamaToolDefinition[];
  format?: 'json' | { [keyword: string]: unknown };
  options?: { [option: string]: unknown };
  think?: boolean | string;
  keep_alive?: string | number;
  logprobs?: boolean;
  top_logprobs?: number;
  [field: string]: unknown;
}

/** A non-streamed `/api/chat` answer, and each NDJSON line of a stream (the last has `done: true`). */
export interface OllamaResponse {
  model?: string;
  created_at?: string;
  message?: Partial<OllamaMessage> & { tool_calls?: OllamaToolCall[] | null; images?: string[] | null };
  done?: boolean;
  done_reason?: string;
  total_duration?: number;
  load_duration?: number;
  prompt_eval_count?: number;
  prompt_eval_duration?: number;
  eval_count?: number;
  eval_duration?: number;
  /** An error, as a body or as a line inside a stream. */
  error?: string;
  [field: string]: unknown;
}
