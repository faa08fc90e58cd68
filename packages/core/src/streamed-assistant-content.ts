import type { Reasoning, ToolCall } from './assistant-content.js';
import type { ToolResult } from './user-content.js';
import type { CompletionResponse } from './completion-response.js';
import type { FinishReason } from './finish-reason.js';
import type { Usage } from './usage.js';

/** A piece of streamed text. */
export interface StreamedText {
  type: 'text';
  text: string;
}

/** A fragment of a tool call as it streams: its name first, then pieces of the JSON arguments. */
export interface StreamedToolCallDelta {
  type: 'tool-call-delta';
  /** The id of the call being assembled (the id its completed `tool-call` item will have). */
  id: string;
  /** The tool's name, on the first fragment of a call. */
  name?: string;
  /** The next piece of the JSON arguments string. */
  argumentsDelta: string;
}

/** A tool call whose arguments are complete and parsed. */
export interface StreamedToolCall {
  type: 'tool-call';
  toolCall: ToolCall;
}

/** A piece of streamed reasoning text. */
export interface StreamedReasoningDelta {
  type: 'reasoning-delta';
  /** The reasoning block this belongs to, where the provider identifies one. */
  id?: string;
  text: string;
}

/** A complete reasoning block, with signatures or encrypted content. It replaces the deltas that preceded it. */
export interface StreamedReasoning {
  type: 'reasoning';
  reasoning: Reasoning;
}

/** The result of a tool the agent ran between two model calls (multi-turn agent streams only). */
export interface StreamedToolResult {
  type: 'tool-result';
  toolResult: ToolResult;
}

/** The last item of a successful stream. */
export interface StreamedFinal<Raw = unknown> {
  type: 'final';
  usage: Usage;
  finishReason: FinishReason;
  rawFinishReason?: string;
  /** The whole aggregated response, equal to what the non-streaming call gives. */
  response: CompletionResponse<Raw>;
}

/** What a {@link StreamingCompletionResponse} yields. */
export type StreamedAssistantContent<Raw = unknown> =
  | StreamedText
  | StreamedToolCallDelta
  | StreamedToolCall
  | StreamedReasoningDelta
  | StreamedReasoning
  | StreamedToolResult
  | StreamedFinal<Raw>;
