import type { CallOptions, CompletionRequest, FinishReason, Reasoning, Usage } from '@rig-ts/core';

/** A tool call the mock model makes. */
export interface MockToolCall {
  /** @default `call_<call number>_<index>` */
  id?: string;
  callId?: string;
  name: string;
  /** The parsed arguments. @default {} */
  arguments?: unknown;
  signature?: string;
}

/**
 * One explicit piece of a mock stream, in the order the model sends it. A stream written this way ends without the
 * provider's end event (a truncation error) unless it lists `{ type: 'finish' }`.
 */
export type MockStreamPart =
  /** A text delta. */
  | { type: 'text'; text: string }
  /** A reasoning delta, in the reasoning block `id` (one block when no id is given). */
  | { type: 'reasoning'; text: string; id?: string }
  /** Closes the reasoning block `id`; `block` (signatures, encrypted content) replaces what the deltas built. */
  | { type: 'reasoning-end'; id?: string; signature?: string; block?: Reasoning }
  | { type: 'tool-call-start'; id: string; name: string; callId?: string; signature?: string }
  | { type: 'tool-call-delta'; id: string; argumentsDelta: string }
  | { type: 'tool-call-end'; id: string }
  /** The provider's end event, with the usage and finish reason. */
  | { type: 'finish'; finishReason?: FinishReason; rawFinishReason?: string; usage?: Partial<Usage>; id?: string }
  /** The connection fails here: the stream throws `error` (as a transport would). */
  | { type: 'error'; error: unknown }
  /** A frame that is not JSON: the stream throws the streaming layer's `response` / `malformed` error. */
  | { type: 'malformed'; data: string };

/** One scripted answer of a {@link MockCompletionModel}. Content comes out in the order reasoning, text, tool calls. */
export interface MockTurn {
  text?: string;
  /** Reasoning before the answer: its text, or a whole block (signatures, encrypted content). */
  reasoning?: string | Reasoning;
  toolCalls?: readonly MockToolCall[];
  /** Counts not given are estimated: a token per 4 characters of the request's text and of the answer. */
  usage?: Partial<Usage>;
  /** @default 'tool-calls' with tool calls, else 'stop' */
  finishReason?: FinishReason;
  rawFinishReason?: string;
  /** The response id. */
  id?: string;
  /** `completion()` and `stream()` reject with it, after `latencyMs`. */
  error?: unknown;
  /** The stream fails with it after the content (no end event). */
  streamError?: unknown;
  /** The stream ends after the content without the end event (a truncation error). */
  truncate?: boolean;
  /** Explicit stream pieces; they replace `text`, `reasoning`, `toolCalls`, `usage` and the finish. */
  stream?: readonly MockStreamPart[];
  /** Wait before answering (before the stream opens), in ms. @default the model's `latencyMs` */
  latencyMs?: number;
  /** Wait between two stream pieces, in ms. @default the model's `delayMs` */
  delayMs?: number;
  /** Characters per text delta. @default word by word */
  chunkSize?: number;
}

/** One call the mock model received. */
export interface MockCall {
  method: 'completion' | 'stream';
  request: CompletionRequest;
  options: CallOptions | undefined;
  /** 0-based position of the call. */
  index: number;
}

/** Computes a turn from the call (for answers that depend on the request). */
export type MockResponder = (call: MockCall) => MockTurn | string | Promise<MockTurn | string>;

/** A script entry: a turn, a text answer, or a function of the call. */
export type MockScriptEntry = MockTurn | string | MockResponder;

/** What the mock puts in `rawResponse`: the turn that answered and the call's position. */
export interface MockRawResponse {
  index: number;
  turn: MockTurn;
}
