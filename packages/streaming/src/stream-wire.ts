import type { CompletionResponse, StreamedAssistantContent, StreamedFinal, ValidationIssue } from '@rig-ts/core';

/** The version of the rig-ts stream wire that `toStreamResponse` writes and `readStreamResponse` reads. */
export const STREAM_WIRE_VERSION = 1;

/** The content type of a rig-ts stream (server-sent events). */
export const STREAM_WIRE_CONTENT_TYPE = 'text/event-stream; charset=utf-8';

/** The first event of a rig-ts stream: which version of the wire follows. */
export interface WireStart {
  type: 'start';
  /** {@link STREAM_WIRE_VERSION}. */
  version: number;
}

/** A partial value of a typed stream (`streamTyped`): the whole value as far as it has arrived, not a diff. */
export interface WirePartial {
  type: 'partial';
  value: unknown;
}

/** The last item of a successful stream; a typed stream's carries the validated `value`. */
export type WireFinal<Raw = unknown> = StreamedFinal<Raw> & { value?: unknown };

/**
 * What ended a stream on the server, as safe to show a browser: the error's family and kind and a message chosen by
 * the server (never the provider's URL, body or key), plus the fields a caller branches on.
 */
export interface WireError {
  /** `CompletionError`, `PromptError`, `StructuredOutputError`, or `Error` for anything else. */
  family: string;
  /** The error's `kind` within its family (absent for `Error`). */
  kind?: string;
  /** The error's `name`, e.g. `CompletionError.Http`. */
  name: string;
  message: string;
  isRetryable?: boolean;
  /** `CompletionError` `http`: the provider's HTTP status. */
  status?: number;
  /** `CompletionError` `response`: `malformed`, `empty`, `truncated` or `unexpected`. */
  reason?: string;
  /** `PromptError` `max-turns`. */
  maxTurns?: number;
  /** `PromptError` `tool`. */
  toolName?: string;
  /** `StructuredOutputError` `json`, `validation`, `empty`: the model's text. */
  rawText?: string;
  /** `StructuredOutputError` `validation`: the parsed value and what the validator found. */
  value?: unknown;
  errors?: ValidationIssue[];
  /** `PromptError` / `StructuredOutputError` `completion`: the error of the call underneath. */
  cause?: WireError;
}

/** The error event of a rig-ts stream. */
export interface WireErrorItem {
  type: 'error';
  error: WireError;
}

/** Every event of a rig-ts stream: its SSE `event:` name is its `type`, its `data:` the item as one line of JSON. */
export type WireItem<Raw = unknown> =
  WireStart | Exclude<StreamedAssistantContent<Raw>, StreamedFinal<Raw>> | WirePartial | WireFinal<Raw> | WireErrorItem;

/**
 * A typed stream as `streamTyped` returns it (`TypedStream` of `@rig-ts/typed`): partial values as it is iterated,
 * then the validated `value` and the aggregated `response`.
 */
export interface PartialValueStream<T = unknown> extends AsyncIterable<unknown> {
  readonly value: Promise<T>;
  readonly response: Promise<CompletionResponse>;
  cancel(reason?: unknown): void;
}
