/** Wire shapes of OpenAI Chat Completions and compatible servers (only the fields rig-ts reads or writes). */

export type ChatContentPart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; image_url: { url: string; detail?: 'low' | 'high' | 'auto' } }
  | { type: 'input_audio'; input_audio: { data: string; format: string } }
  | { type: 'file'; file: { file_data?: string; file_id?: string; filename?: string } }
  | { type: 'video_url'; video_url: { url: string } };

export interface ChatToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export type ChatMessage =
  | { role: 'system' | 'developer'; content: string }
  | { role: 'user'; content: string | ChatContentPart[] }
  | {
      role: 'assistant';
      content?: string | null;
      tool_calls?: ChatToolCall[];
      reasoning_content?: string;
      reasoning?: string;
      refusal?: string;
    }
  | { role: 'tool'; tool_call_id: string; content: string | ChatContentPart[] };

export interface ChatFunctionTool {
  type: 'function';
  function: { name: string; description?: string; parameters: unknown; strict?: boolean };
}

export type ChatToolChoice = 'auto' | 'none' | 'required' | { type: 'function'; function: { name: string } };

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  tools?: ChatFunctionTool[];
  tool_choice?: ChatToolChoice;
  temperature?: number;
  max_tokens?: number;
  max_completion_tokens?: number;
  response_format?:
    | { type: 'json_schema'; json_schema: { name: string; description?: string; schema: unknown; strict: boolean } }
    | { type: 'json_object' };
  stream?: boolean;
  stream_options?: { include_usage: boolean };
  [key: string]: unknown;
}

export interface ChatUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details?: { cached_tokens?: number | null } | null;
  completion_tokens_details?: { reasoning_tokens?: number | null } | null;
  /** DeepSeek's cache counts. */
  prompt_cache_hit_tokens?: number;
}

/** A part of a response message's `content` when a server sends an array (Mistral: `text` and `thinking` parts). */
export interface ChatResponseContentPart {
  type: string;
  text?: string;
  /** Mistral's reasoning: `{ type: 'thinking', thinking: [{ type: 'text', text }] }`. */
  thinking?: { type: string; text?: string }[];
}

export interface ChatResponseMessage {
  role?: string;
  content?: string | ChatResponseContentPart[] | null;
  refusal?: string | null;
  tool_calls?: { id?: string; type?: string; function: { name: string; arguments: string | object } }[] | null;
  reasoning_content?: string | null;
  reasoning?: string | null;
  annotations?: unknown[];
}

/** A Chat Completions response body. */
export interface ChatResponse {
  id?: string;
  object?: string;
  created?: number;
  model?: string;
  choices: { index?: number; message: ChatResponseMessage; finish_reason?: string | null }[];
  usage?: ChatUsage | null;
  error?: unknown;
  citations?: unknown;
  search_results?: unknown;
  [key: string]: unknown;
}

/** One streamed chunk. */
export interface ChatChunk {
  id?: string;
  model?: string;
  choices?: {
    index?: number;
    delta?: {
      role?: string;
      content?: string | ChatResponseContentPart[] | null;
      refusal?: string | null;
      reasoning_content?: string | null;
      reasoning?: string | null;
      tool_calls?:
        | {
            index?: number;
            id?: string | null;
            type?: string;
            function?: { name?: string | null; arguments?: string | null };
          }[]
        | null;
      annotations?: unknown[];
    };
    finish_reason?: string | null;
  }[];
  usage?: ChatUsage | null;
  error?: unknown;
  citations?: unknown;
  search_results?: unknown;
  [key: string]: unknown;
}
