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

/** The output items this package turns into content: a closed union, switched on `type` exhaustively. */
export type ResponsesKnownOutputItem = ResponsesMessageItem | ResponsesFunctionCallItem | ResponsesReasoningItem;

/**
 * Any other output item (`web_search_call`, `file_search_call`, `computer_call`, …), kept in the raw response only.
 * `readResponsesOutputItem` tells it from the items this package reads.
 */
export interface ResponsesOtherOutputItem {
  type: string;
  id?: string;
  [field: string]: unknown;
}

export type ResponsesOutputItem = ResponsesKnownOutputItem | ResponsesOtherOutputItem;

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

/** The events of a Responses stream that carry a text delta of one output item. */
export interface ResponsesDeltaEvent {
  type:
    | 'response.output_text.delta'
    | 'response.refusal.delta'
    | 'response.function_call_arguments.delta'
    | 'response.reasoning_summary_text.delta'
    | 'response.reasoning_text.delta';
  item_id?: string;
  delta: string;
  output_index?: number;
  content_index?: number;
  summary_index?: number;
  sequence_number?: number;
}

/**
 * The events of a Responses stream this package reads (a closed union; the fields it reads). OpenAI sends more
 * (`response.created`, `response.content_part.added`, …) and may add some; the stream adapter skips those it does not
 * know, at the JSON boundary (`readResponsesStreamEvent`). The fields are checked where they are read.
 */
export type ResponsesStreamEvent =
  | ResponsesDeltaEvent
  | {
      type: 'response.function_call_arguments.done';
      item_id?: string;
      arguments?: string;
      output_index?: number;
      sequence_number?: number;
    }
  | {
      type: 'response.output_item.added' | 'response.output_item.done';
      item: ResponsesOutputItem;
      output_index?: number;
      sequence_number?: number;
    }
  | { type: 'response.completed' | 'response.incomplete'; response: ResponsesResponse; sequence_number?: number }
  | { type: 'response.failed'; response?: ResponsesResponse; sequence_number?: number }
  | {
      type: 'error';
      code?: string | null;
      message?: string;
      param?: string | null;
      error?: { code?: string; message?: string; type?: string } | null;
      sequence_number?: number;
    };
