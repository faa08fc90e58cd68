/** Wire shapes of the OpenAI Responses API (only the fields rig-ts reads or writes). */

export type ResponsesInputContent =
  | { type: 'input_text'; text: string }
  | { type: 'input_image'; image_url?: string; file_id?: string; detail: 'low' | 'high' | 'auto' }
  | { type: 'input_file'; file_data?: string; file_id?: string; file_url?: string; filename?: string };

export interface ResponsesOutputText {
  type: 'output_text';
  text: string;
  annotations?: unknown[];
  logprobs?: unknown[];
}

export interface ResponsesRefusal {
  type: 'refusal';
  refusal: string;
}

export interface ResponsesMessageItem {
  type: 'message';
  id?: string;
  role: 'assistant';
  status?: string;
  content: (ResponsesOutputText | ResponsesRefusal)[];
}

export interface ResponsesFunctionCallItem {
  type: 'function_call';
  id?: string;
  call_id: string;
  name: string;
  arguments: string;
  status?: string;
}

export interface ResponsesReasoningItem {
  type: 'reasoning';
  id: string;
  summary: { type: 'summary_text'; text: string }[];
  content?: { type: 'reasoning_text'; text: string }[];
  encrypted_content?: string | null;
  status?: string;
}

export type ResponsesInputItem =
  | { role: 'user' | 'system' | 'developer'; content: string | ResponsesInputContent[] }
  | { role: 'assistant'; content: string }
  | ResponsesMessageItem
  | ResponsesFunctionCallItem
  | { type: 'function_call_output'; call_id: string; output: string | ResponsesInputContent[] }
  | ResponsesReasoningItem;

export interface ResponsesFunctionTool {
  type: 'function';
  name: string;
  description?: string;
  parameters: unknown;
  strict: boolean;
}

export type ResponsesToolChoice =
  | 'auto'
  | 'none'
  | 'required'
  | { type: 'function'; name: string }
  | { type: 'allowed_tools'; mode: 'required'; tools: { type: 'function'; name: string }[] };

export interface ResponsesRequest {
  model: string;
  input: ResponsesInputItem[];
  instructions?: string;
  tools?: unknown[];
  tool_choice?: ResponsesToolChoice;
  temperature?: number;
  max_output_tokens?: number;
  text?: {
    format:
      { type: 'json_schema'; name: string; description?: string; schema: unknown; strict: boolean } | { type: 'text' };
    verbosity?: string;
  };
  reasoning?: { effort?: string; summary?: string };
  include?: string[];
  stream?: boolean;
  [key: string]: unknown;
}

export interface ResponsesUsage {
  input_tokens: number;
  input_tokens_details?: { cached_tokens?: number } | null;
  output_tokens: number;
  output_tokens_details?: { reasoning_tokens?: number } | null;
  total_tokens: number;
}

export type ResponsesOutputItem =
  ResponsesMessageItem | ResponsesFunctionCallItem | ResponsesReasoningItem | { type: string; id?: string };

/** A Responses API response body. */
export interface ResponsesResponse {
  id: string;
  object?: 'response';
  created_at?: number;
  model: string;
  status?: 'completed' | 'incomplete' | 'failed' | 'in_progress' | 'cancelled' | 'queued';
  error?: { code?: string; message: string; type?: string } | null;
  incomplete_details?: { reason?: string } | null;
  output: ResponsesOutputItem[];
  usage?: ResponsesUsage | null;
  [key: string]: unknown;
}

/** One Responses API stream event (the fields rig-ts reads). */
export interface ResponsesStreamEvent {
  type: string;
  sequence_number?: number;
  response?: ResponsesResponse;
  item?: ResponsesOutputItem;
  item_id?: string;
  output_index?: number;
  content_index?: number;
  summary_index?: number;
  delta?: string;
  arguments?: string;
  annotation?: unknown;
  annotation_index?: number;
  code?: string | null;
  message?: string;
  param?: string | null;
  error?: { code?: string; message?: string; type?: string } | null;
}
