// Wire shapes of the Anthropic Messages API (`POST /v1/messages`), only as far as this package reads or writes them.
// Blocks the package does not interpret (server tools, compaction, …) pass through as `AnthropicOtherBlock`; the stream
// events and deltas it reads are closed unions, what it does not know being skipped where the JSON is read.

import type { AnthropicCacheControl } from './anthropic-options.js';

export interface AnthropicCitation {
  type: string;
  cited_text?: string;
  [field: string]: unknown;
}

export type AnthropicImageSource =
  | { type: 'base64'; media_type: string; data: string }
  | { type: 'url'; url: string }
  | { type: 'file'; file_id: string };

export type AnthropicDocumentSource =
  | { type: 'base64'; media_type: 'application/pdf'; data: string }
  | { type: 'text'; media_type: 'text/plain'; data: string }
  | { type: 'url'; url: string }
  | { type: 'file'; file_id: string };

export interface AnthropicTextBlock {
  type: 'text';
  text: string;
  citations?: AnthropicCitation[] | null;
  cache_control?: AnthropicCacheControl;
}

export interface AnthropicImageBlock {
  type: 'image';
  source: AnthropicImageSource;
  cache_control?: AnthropicCacheControl;
}

export interface AnthropicDocumentBlock {
  type: 'document';
  source: AnthropicDocumentSource;
  title?: string;
  context?: string;
  citations?: { enabled: boolean };
  cache_control?: AnthropicCacheControl;
}

export interface AnthropicToolUseBlock {
  type: 'tool_use';
  id: string;
  name: string;
  input: unknown;
  caller?: unknown;
  cache_control?: AnthropicCacheControl;
}

export interface AnthropicToolResultBlock {
  type: 'tool_result';
  tool_use_id: string;
  content: string | (AnthropicTextBlock | AnthropicImageBlock)[];
  is_error: boolean;
  cache_control?: AnthropicCacheControl;
}

export interface AnthropicThinkingBlock {
  type: 'thinking';
  thinking: string;
  signature?: string;
}

export interface AnthropicRedactedThinkingBlock {
  type: 'redacted_thinking';
  data: string;
}

/**
 * Any other block (`server_tool_use`, `web_search_tool_result`, `mcp_tool_use`, `compaction`, …), kept as received.
 * Tell it from the blocks this package interprets with `isKnownAnthropicBlock`.
 */
export interface AnthropicOtherBlock {
  type: string;
  [field: string]: unknown;
}

/** The assistant blocks this package interprets: a closed union, switched on `type` exhaustively. */
export type AnthropicKnownAssistantBlock =
  AnthropicTextBlock | AnthropicToolUseBlock | AnthropicThinkingBlock | AnthropicRedactedThinkingBlock;

export type AnthropicUserBlock =
  AnthropicTextBlock | AnthropicImageBlock | AnthropicDocumentBlock | AnthropicToolResultBlock;

/** An assistant block: one this package interprets, or any other, passed through whole. */
export type AnthropicAssistantBlock = AnthropicKnownAssistantBlock | AnthropicOtherBlock;

export type AnthropicMessageParam =
  { role: 'user'; content: AnthropicUserBlock[] } | { role: 'assistant'; content: AnthropicAssistantBlock[] };

export interface AnthropicTool {
  name: string;
  description: string;
  input_schema: { [keyword: string]: unknown };
  strict?: boolean;
  cache_control?: AnthropicCacheControl;
}

export type AnthropicToolChoice =
  | { type: 'auto' | 'any'; disable_parallel_tool_use?: boolean }
  | { type: 'tool'; name: string; disable_parallel_tool_use?: boolean }
  | { type: 'none' };

/** The request body. Fields this package does not set come through `additionalParams`. */
export interface AnthropicMessagesRequest {
  model: string;
  max_tokens: number;
  messages: AnthropicMessageParam[];
  system?: string | AnthropicTextBlock[];
  tools?: AnthropicTool[];
  tool_choice?: AnthropicToolChoice;
  temperature?: number;
  top_p?: number;
  top_k?: number;
  stop_sequences?: string[];
  stream?: true;
  [field: string]: unknown;
}

export interface AnthropicUsage {
  input_tokens?: number;
  output_tokens?: number;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  output_tokens_details?: { thinking_tokens?: number } | null;
  [field: string]: unknown;
}

/** A response message: the non-streamed body, or what a stream added up to. */
export interface AnthropicMessage {
  id: string;
  type: 'message';
  role: 'assistant';
  model: string;
  content: AnthropicAssistantBlock[];
  stop_reason: string | null;
  stop_sequence?: string | null;
  usage: AnthropicUsage;
  [field: string]: unknown;
}

export interface AnthropicErrorBody {
  type: 'error';
  error: { type: string; message: string };
  request_id?: string;
}

/**
 * The events of a Messages stream this package reads (a closed union). Anthropic may add event types; the stream
 * adapter skips those it does not know, at the JSON boundary (`readAnthropicStreamEvent`).
 */
export type AnthropicStreamEvent =
  | { type: 'message_start'; message: AnthropicMessage }
  | { type: 'content_block_start'; index: number; content_block: AnthropicAssistantBlock }
  | { type: 'content_block_delta'; index: number; delta: AnthropicDelta }
  | { type: 'content_block_stop'; index: number }
  | {
      type: 'message_delta';
      delta: { stop_reason?: string | null; [field: string]: unknown };
      usage?: AnthropicUsage;
      [field: string]: unknown;
    }
  | { type: 'message_stop' }
  | { type: 'ping' }
  | AnthropicErrorBody;

/** The deltas of a `content_block_delta` this package reads (a closed union: `readAnthropicDelta` skips others). */
export type AnthropicDelta =
  | { type: 'text_delta'; text: string }
  | { type: 'input_json_delta'; partial_json: string }
  | { type: 'thinking_delta'; thinking: string }
  | { type: 'signature_delta'; signature: string }
  | { type: 'citations_delta'; citation: AnthropicCitation }
  | { type: 'compaction_delta'; content: string };
