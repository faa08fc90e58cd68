import { CompletionError, type CompletionResponse, type StreamedAssistantContent, type Warning } from '@rig-ts/core';
import { limitErrorText, MAX_WIRE_MESSAGE, unreadableResponse } from '@rig-ts/core/internal';
import { malformedFrame } from './malformed-frame.js';
import { NdjsonDecoder } from './ndjson-decoder.js';
import { SseDecoder } from './sse-decoder.js';
import { StreamAccumulator } from './stream-accumulator.js';
import type { StreamAdapter } from './stream-adapter.js';
import type { StreamSource } from './stream-source.js';
import type { StreamTransport } from './stream-transport.js';

/** How the body is framed. */
export type StreamFormat = 'sse' | 'ndjson';

const STREAM_DECODE: TextDecodeOptions = { stream: true };
/**
 * Once the provider's end event is in, how long the body may take to end by itself (so that its connection can be
 * reused) before the answer is settled and the request aborted (a server holding the connection open, or sending more
 * after the end).
 */
const RELEASE_AFTER_END_MS = 250;
const STILL_OPEN = Symbol('still open');
/**
 * The most a provider may send without completing an event (an SSE event, an NDJSON line), in characters (core's
 * `MAX_WIRE_MESSAGE`, 64 Mi). More fails the stream as `malformed` instead of filling memory.
 */
export const MAX_PROVIDER_EVENT_LENGTH = MAX_WIRE_MESSAGE;

/** Runs `read` over what the stream sent; what it throws is a rig-ts error, bounded and redacted before any cut. */
function readStream<T>(read: () => T, what: string, transport: StreamTransport, frame?: string): T {
  try {
    return read();
  } catch (error) {
    throw limitErrorText(unreadableResponse(error, what), { redact: transport.redact, body: frame });
  }
}

/** One frame's JSON (an SSE event's data, an NDJSON line; `event` is '' for NDJSON) handed to the adapter. */
function handFrame<Raw>(
  text: string,
  event: string,
  adapter: StreamAdapter<Raw>,
  accumulator: StreamAccumulator<Raw>,
  transport: StreamTransport,
): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw malformedFrame(text, error, transport.redact);
  }
  try {
    adapter.onFrame(value, event, accumulator);
  } catch (error) {
    // Bounded, redacted before any cut, with the frame as the body of a `response` error.
    throw limitErrorText(
      unreadableResponse(error, event === '' ? 'stream sent a line' : `stream sent a "${event}" frame`),
      { redact: transport.redact, body: text },
    );
  }
}

/**
 * A provider's streamed HTTP body as a {@link StreamSource}: reads it as the consumer pulls (one network chunk at a
 * time, no intermediate streams), decodes frames, feeds the provider's adapter and the shared accumulator, enforces
 * the idle timeout and the failure contract (truncation, malformed frames), and maps every failure through the
 * transport once. The answer is complete at the provider's end event: nothing after it is read into the answer, and a
 * connection held open after it is released (see {@link RELEASE_AFTER_END_MS}).
 */
export class HttpStreamSource<Raw = unknown> implements StreamSource<Raw> {
  readonly items: StreamedAssistantContent<Raw>[];
  readonly #transport: StreamTransport;
  readonly #adapter: StreamAdapter<Raw>;
  readonly #accumulator = new StreamAccumulator<Raw>();
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #textDecoder = new TextDecoder();
  readonly #decoder: SseDecoder | NdjsonDecoder;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  #waitingSince = 0;
  #idleError: CompletionError | undefined;
  #endedAt = 0;
  #aborted = false;
  #released = false;
  /** Characters read since the last event: an event still arriving. */
  #pending = 0;

  constructor(
    transport: StreamTransport,
    format: StreamFormat,
    adapter: StreamAdapter<Raw>,
    warnings: readonly Warning[] = [],
  ) {
    this.#transport = transport;
    this.#adapter = adapter;
    this.items = this.#accumulator.items;
    this.#accumulator.requestId = transport.requestId;
    if (warnings.length > 0) this.#accumulator.warnings = [...warnings];
    this.#reader = transport.body.getReader();
    const accumulator = this.#accumulator;
    this.#decoder =
      format === 'sse'
        ? new SseDecoder((data, event) => {
            this.#pending = 0;
            // What follows the provider's end event (more text, junk, a late error) is not part of the answer.
            if (accumulator.ended) return;
            if (data === '[DONE]') readStream(() => adapter.onDone?.(accumulator), 'stream sent a [DONE]', transport);
            else handFrame(data, event, adapter, accumulator, transport);
          })
        : new NdjsonDecoder((line) => {
            this.#pending = 0;
            if (!accumulator.ended) handFrame(line, '', adapter, accumulator, transport);
          });
  }

  get requestId(): string | undefined {
    return this.#transport.requestId;
  }

  skipItems(): void {
    this.#accumulator.emitItems = false;
  }

  async pull(): Promise<CompletionResponse<Raw> | undefined> {
    try {
      if (this.#accumulator.ended) return await this.#settleAfterEnd();
      const result = await this.#read();
      if (this.#aborted && this.#idleError === undefined) return undefined;
      // The idle timer cancelled the reader: the read may end with `done` before the aborted request errors the body.
      if (this.#idleError !== undefined) throw this.#idleError;
      if (result.done) {
        this.#decoder.push(this.#textDecoder.decode());
        this.#decoder.end();
        readStream(() => this.#adapter.onEnd?.(this.#accumulator), 'stream ended in a way', this.#transport);
        if (!this.#accumulator.ended) {
          throw new CompletionError({
            kind: 'response',
            reason: 'truncated',
            message: 'stream ended before the provider signalled completion (truncated response)',
          });
        }
        return this.#finish();
      }
      const text = this.#textDecoder.decode(result.value, STREAM_DECODE);
      // Reset by each event: what piles up without one is an event still arriving.
      this.#pending += text.length;
      this.#decoder.push(text);
      if (this.#pending > MAX_PROVIDER_EVENT_LENGTH) {
        throw new CompletionError({
          kind: 'response',
          reason: 'malformed',
          message: `stream sent over ${MAX_PROVIDER_EVENT_LENGTH} characters without completing an event`,
        });
      }
      if (this.#accumulator.ended) this.#endedAt = Date.now();
      return undefined;
    } catch (error) {
      // Every failure but our own idle timeout goes through the transport once: it maps what reading threw (an abort
      // reason, a network failure) and removes the API key from errors raised while decoding.
      throw error === this.#idleError ? error : this.#transport.mapError(error);
    }
  }

  abort(reason: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#transport.abort(reason);
    this.#reader.cancel(reason).catch(() => undefined);
  }

  release(): void {
    if (this.#released) return;
    this.#released = true;
    if (this.#idleTimer !== undefined) clearTimeout(this.#idleTimer);
    this.#transport.settle();
  }

  async #read(): Promise<ReadableStreamReadResult<Uint8Array>> {
    const idleTimeoutMs = this.#transport.idleTimeoutMs;
    try {
      if (idleTimeoutMs) {
        this.#waitingSince = Date.now();
        this.#idleTimer ??= this.#armIdle(idleTimeoutMs, idleTimeoutMs);
      }
      const result = await this.#reader.read();
      this.#waitingSince = 0;
      return result;
    } catch (error) {
      throw this.#idleError ?? error;
    }
  }

  /**
   * The end event is in: the answer is complete, whether or not the connection closes after it. The body may end by
   * itself for a moment (read on, discarded), so that its connection stays reusable; held open (or still sending),
   * the answer is settled and the request aborted. A failure of the connection meanwhile (a reset, the idle timeout)
   * does not touch the answer; the caller's own abort still ends the stream with its reason.
   */
  async #settleAfterEnd(): Promise<CompletionResponse<Raw>> {
    for (;;) {
      const remaining = this.#endedAt + RELEASE_AFTER_END_MS - Date.now();
      if (remaining <= 0) break;
      let result: ReadableStreamReadResult<Uint8Array> | typeof STILL_OPEN;
      try {
        result = await this.#readWithin(remaining);
      } catch (error) {
        if (this.#idleError !== undefined || CompletionError.isInstance(this.#transport.mapError(error)))
          return this.#finish();
        throw error;
      }
      if (result === STILL_OPEN || this.#idleError !== undefined) break;
      if (result.done) return this.#finish();
    }
    const response = this.#finish();
    this.abort(new DOMException('the stream is complete', 'AbortError'));
    return response;
  }

  #readWithin(ms: number): Promise<ReadableStreamReadResult<Uint8Array> | typeof STILL_OPEN> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Not unref'd: a caller awaiting only `final` gets it even when nothing else keeps the process alive.
    const stillOpen = new Promise<typeof STILL_OPEN>((resolve) => (timer = setTimeout(resolve, ms, STILL_OPEN)));
    const read = this.#read();
    // A read still pending when the time is up ends with the abort that follows, and nothing awaits it then.
    read.catch(() => undefined);
    return Promise.race([read, stillOpen]).finally(() => clearTimeout(timer));
  }

  #finish(): CompletionResponse<Raw> {
    return readStream(() => this.#accumulator.finish(), 'stream sent an answer', this.#transport);
  }

  #armIdle(idleTimeoutMs: number, delay: number): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => {
      const waited = this.#waitingSince === 0 ? 0 : Date.now() - this.#waitingSince;
      if (this.#aborted || this.#released) return;
      if (waited >= idleTimeoutMs) {
        this.#idleError = new CompletionError({
          kind: 'http',
          message: `stream idle timeout: no data from the provider for ${idleTimeoutMs} ms (idleTimeoutMs)`,
          isRetryable: true,
        });
        this.abort(this.#idleError);
      } else this.#idleTimer = this.#armIdle(idleTimeoutMs, idleTimeoutMs - waited);
    }, delay);
    (timer as { unref?: () => void }).unref?.();
    return timer;
  }
}
