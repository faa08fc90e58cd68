import { CompletionError, type CompletionResponse, type StreamedAssistantContent } from '@rig-ts/core';
import { fromWireError } from './from-wire-error.js';
import { malformedFrame } from './malformed-frame.js';
import { SseDecoder } from './sse-decoder.js';
import type { StreamSource } from './stream-source.js';
import { STREAM_WIRE_VERSION, type WireError, type WireFinal } from './stream-wire.js';

/** Options of `readStreamResponse` and of a {@link WireStreamSource}. */
export interface ReadStreamResponseOptions {
  /**
   * The longest event the server may send, in characters (a final item holds the whole answer); a longer one fails the
   * stream as `malformed` instead of filling memory.
   * @default 16_777_216
   */
  maxEventLength?: number;
}

/** @default 16 Mi characters */
const MAX_EVENT_LENGTH = 16_777_216;
const STREAM_DECODE: TextDecodeOptions = { stream: true };
const ERROR_BODY_LIMIT = 65_536;

/**
 * The field each item type must have, and its `typeof` (a `Map`: an event named `constructor` or `__proto__` is not
 * a key of it).
 */
const SHAPES = new Map<string, readonly [field: string, type: 'string' | 'number' | 'object']>([
  ['text', ['text', 'string']],
  ['reasoning-delta', ['text', 'string']],
  ['reasoning', ['reasoning', 'object']],
  ['tool-call-delta', ['argumentsDelta', 'string']],
  ['tool-call', ['toolCall', 'object']],
  ['tool-result', ['toolResult', 'object']],
  ['partial', ['type', 'string']],
  ['final', ['response', 'object']],
  ['error', ['error', 'object']],
  ['start', ['version', 'number']],
]);

function unexpected(message: string, body?: string): CompletionError {
  return body === undefined
    ? new CompletionError({ kind: 'response', reason: 'unexpected', message })
    : new CompletionError({ kind: 'response', reason: 'unexpected', message, body });
}

/** The start of a body that is not a stream (an error page), at most 64 KiB of it: the rest is not read. */
async function readErrorBody(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (reader === undefined) return '';
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return text + decoder.decode();
      text += decoder.decode(value, STREAM_DECODE);
      if (text.length >= ERROR_BODY_LIMIT) return text.slice(0, ERROR_BODY_LIMIT);
    }
  } catch {
    return text;
  } finally {
    reader.cancel().catch(() => undefined);
  }
}

/**
 * A `Response` in the rig-ts stream wire as a {@link StreamSource}: reads the body as the consumer pulls, one network
 * chunk at a time, through the same SSE decoder as provider streams, and fails the way a provider stream does (a cut
 * connection is an `http` error, a frame that is not JSON a `malformed` `response` error, a body that ends before the
 * final item a `truncated` one). The answer is complete at the final item: the connection is let go then, whether or
 * not the server closes it, and nothing after it is read.
 */
export class WireStreamSource<Raw = unknown> implements StreamSource<Raw> {
  readonly items: StreamedAssistantContent<Raw>[] = [];
  /** The validated value of a typed stream, from its final item. */
  value: unknown;
  readonly #response: Response;
  readonly #maxEventLength: number;
  readonly #textDecoder = new TextDecoder();
  readonly #decoder: SseDecoder;
  #reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  #final: CompletionResponse<Raw> | undefined;
  #failure: unknown;
  #started = false;
  #pending = 0;
  #emitItems = true;
  #aborted = false;

  readonly #partials: boolean;

  /** `partials`: queue the partial values of a typed stream (else they are skipped). */
  constructor(response: Response, options: ReadStreamResponseOptions = {}, partials = false) {
    this.#response = response;
    this.#partials = partials;
    this.#maxEventLength = options.maxEventLength ?? MAX_EVENT_LENGTH;
    this.#decoder = new SseDecoder((data, event) => this.#onEvent(data, event));
  }

  get requestId(): string | undefined {
    return this.#final?.requestId;
  }

  skipItems(): void {
    this.#emitItems = false;
  }

  async pull(): Promise<CompletionResponse<Raw> | undefined> {
    const reader = (this.#reader ??= await this.#open());
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      result = await reader.read();
    } catch (error) {
      if (this.#aborted) return undefined;
      // The fetch's signal aborted: its reason, as a provider stream gives it.
      const name = (error as { name?: unknown } | null)?.name;
      if (name === 'AbortError' || name === 'TimeoutError') throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new CompletionError({
        kind: 'http',
        message: `network error reading the stream from ${this.#where()}: ${reason}`,
        cause: error,
      });
    }
    if (this.#aborted) return undefined;
    if (result.done) {
      this.#decoder.push(this.#textDecoder.decode());
      this.#decoder.end();
    } else {
      const text = this.#textDecoder.decode(result.value, STREAM_DECODE);
      // Reset by each event: what piles up without one is an event still arriving.
      this.#pending += text.length;
      this.#decoder.push(text);
      // Not `>`: a limit that is not a number (NaN) fails the stream rather than lifting the limit.
      if (!(this.#pending <= this.#maxEventLength) && this.#failure === undefined) {
        this.#failure = new CompletionError({
          kind: 'response',
          reason: 'malformed',
          message: `stream sent an event longer than ${this.#maxEventLength} characters (maxEventLength)`,
        });
      }
    }
    if (this.#failure !== undefined) throw this.#failure;
    if (this.#final !== undefined) {
      // Complete: what the server sends after the final item is not read, and its connection is let go.
      this.abort(new DOMException('the stream is complete', 'AbortError'));
      return this.#final;
    }
    if (result.done)
      throw new CompletionError({
        kind: 'response',
        reason: 'truncated',
        message: 'stream ended before its final item (truncated response)',
      });
    return undefined;
  }

  abort(reason: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reader?.cancel(reason).catch(() => undefined);
    if (this.#reader === undefined) this.#response.body?.cancel(reason).catch(() => undefined);
  }

  release(): void {}

  #where(): string {
    return this.#response.url || 'the server';
  }

  async #open(): Promise<ReadableStreamDefaultReader<Uint8Array>> {
    const response = this.#response;
    if (!response.ok) {
      const body = await readErrorBody(response);
      const statusText = response.statusText === '' ? '' : ` ${response.statusText}`;
      throw new CompletionError({
        kind: 'http',
        message: `server returned HTTP ${response.status}${statusText} for ${this.#where()}: ${body.trim() === '' ? 'empty body' : body.slice(0, 300)}`,
        status: response.status,
        body,
      });
    }
    const contentType = response.headers.get('content-type') ?? 'none';
    if (!contentType.toLowerCase().startsWith('text/event-stream')) {
      const body = await readErrorBody(response);
      throw unexpected(
        `server answered ${this.#where()} with content-type ${contentType} instead of a stream: ${body.slice(0, 200)}`,
        body,
      );
    }
    if (response.body === null || response.body.locked)
      throw unexpected(`the response from ${this.#where()} has no body left to read`);
    return response.body.getReader();
  }

  #onEvent(data: string, event: string): void {
    this.#pending = 0;
    if (this.#final !== undefined || this.#failure !== undefined) return;
    if (!this.#started && event !== 'start') {
      this.#failure = unexpected(
        `stream is not a rig-ts stream: its first event is "${event}", not "start"`,
        data.slice(0, ERROR_BODY_LIMIT),
      );
      return;
    }
    const shape = SHAPES.get(event);
    // An event type this version does not know is skipped: later versions of the wire may add some.
    if (shape === undefined) return;
    let item: { [field: string]: unknown };
    try {
      item = JSON.parse(data) as { [field: string]: unknown };
    } catch (error) {
      this.#failure = malformedFrame(data, error);
      return;
    }
    const field = item?.[shape[0]];
    if (item?.type !== event || typeof field !== shape[1] || field === null) {
      this.#failure = new CompletionError({
        kind: 'response',
        reason: 'malformed',
        message: `stream sent a "${event}" event of an unexpected shape: ${data.length > 200 ? `${data.slice(0, 200)}…` : data}`,
        body: data.slice(0, ERROR_BODY_LIMIT),
      });
      return;
    }
    if (event === 'start') {
      this.#started = true;
      if (item.version !== STREAM_WIRE_VERSION) {
        this.#failure = unexpected(
          `stream uses version ${String(item.version)} of the rig-ts stream wire; this reader reads version ${STREAM_WIRE_VERSION}`,
        );
      }
    } else if (event === 'error') {
      const error = item.error as WireError;
      this.#failure =
        typeof error.message === 'string' && typeof error.family === 'string'
          ? fromWireError(error)
          : new CompletionError({
              kind: 'response',
              reason: 'malformed',
              message: 'stream sent an "error" event without a family and a message',
              body: data.slice(0, ERROR_BODY_LIMIT),
            });
    } else if (event === 'final') {
      const final = item as unknown as WireFinal<Raw>;
      this.#final = final.response;
      if ('value' in final) {
        this.value = final.value;
        delete final.value;
      }
      this.items.push(final);
    } else if (this.#emitItems && (event !== 'partial' || this.#partials))
      this.items.push(item as unknown as StreamedAssistantContent<Raw>);
  }
}
