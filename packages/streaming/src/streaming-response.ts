import {
  CompletionError,
  RigError,
  limitErrorText,
  unreadableResponse,
  type CompletionResponse,
  type StreamedAssistantContent,
  type StreamingCompletionResponse,
  type Usage,
  type Warning,
} from '@rig-ts/core';
import { NdjsonDecoder } from './ndjson-decoder.js';
import { SseDecoder } from './sse-decoder.js';
import { StreamAccumulator } from './stream-accumulator.js';
import type { StreamAdapter } from './stream-adapter.js';
import type { StreamTransport } from './stream-transport.js';

/** How the body is framed. */
export type StreamFormat = 'sse' | 'ndjson';

type Item<Raw> = StreamedAssistantContent<Raw>;
type State = 'open' | 'done' | 'failed' | 'cancelled';

const DONE: IteratorReturnResult<undefined> = Object.freeze({ value: undefined, done: true });
const STREAM_DECODE: TextDecodeOptions = { stream: true };
/**
 * Once the provider's end event is in, how long the body may take to end by itself (so that its connection can be
 * reused) before the answer is settled and the request aborted (a server holding the connection open, or sending more
 * after the end).
 */
const RELEASE_AFTER_END_MS = 250;

/** Runs `read` over what the stream sent; what it throws is a rig-ts error, bounded and redacted before any cut. */
function readStream<T>(read: () => T, what: string, transport: StreamTransport, frame?: string): T {
  try {
    return read();
  } catch (error) {
    throw limitErrorText(unreadableResponse(error, what), { redact: transport.redact, body: frame });
  }
}

function malformedFrame(frame: string, cause: unknown, transport: StreamTransport): CompletionError {
  const data = transport.redact ? transport.redact(frame) : frame;
  return new CompletionError({
    kind: 'response',
    reason: 'malformed',
    message: `stream sent a frame that is not valid JSON: ${data.length > 200 ? `${data.slice(0, 200)}…` : data}`,
    body: data.slice(0, 65536),
    cause,
  });
}

/** One frame's JSON (an SSE event's data, an NDJSON line; `event` is '' for NDJSON) handed to the adapter. */
function handFrame<Raw>(text: string, event: string, adapter: StreamAdapter<Raw>, accumulator: StreamAccumulator<Raw>, transport: StreamTransport): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw malformedFrame(text, error, transport);
  }
  try {
    adapter.onFrame(value, event, accumulator);
  } catch (error) {
    // Bounded, redacted before any cut, with the frame as the body of a `response` error.
    throw limitErrorText(unreadableResponse(error, event === '' ? 'stream sent a line' : `stream sent a "${event}" frame`), { redact: transport.redact, body: text });
  }
}

/**
 * The `StreamingCompletionResponse` implementation: reads the body as the consumer pulls (one network chunk at a
 * time, no intermediate streams), decodes frames, feeds the provider's adapter and the shared accumulator, and
 * enforces the failure contract.
 */
export class StreamingResponse<Raw = unknown> implements StreamingCompletionResponse<Raw> {
  readonly #transport: StreamTransport;
  readonly #adapter: StreamAdapter<Raw>;
  readonly #accumulator = new StreamAccumulator<Raw>();
  readonly #queue: Item<Raw>[];
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #textDecoder = new TextDecoder();
  readonly #decoder: SseDecoder | NdjsonDecoder;
  #head = 0;
  #state: State = 'open';
  #error: unknown;
  #errorDelivered = false;
  #consumer: 'none' | 'iterator' | 'drain' = 'none';
  #filling: Promise<void> | undefined;
  #response: CompletionResponse<Raw> | undefined;
  #final: Promise<CompletionResponse<Raw>> | undefined;
  #settleFinal: ((response: CompletionResponse<Raw> | undefined, error?: unknown) => void) | undefined;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  #waitingSince = 0;
  #idleError: CompletionError | undefined;
  #released = false;
  #aborted = false;
  #endTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(transport: StreamTransport, format: StreamFormat, adapter: StreamAdapter<Raw>, warnings: readonly Warning[] = []) {
    this.#transport = transport;
    this.#adapter = adapter;
    this.#queue = this.#accumulator.items;
    this.#accumulator.requestId = transport.requestId;
    if (warnings.length > 0) this.#accumulator.warnings = [...warnings];
    this.#reader = transport.body.getReader();
    const accumulator = this.#accumulator;
    this.#decoder =
      format === 'sse'
        ? new SseDecoder((data, event) => {
            // What follows the provider's end event (more text, junk, a late error) is not part of the answer.
            if (accumulator.ended) return;
            if (data === '[DONE]') readStream(() => adapter.onDone?.(accumulator), 'stream sent a [DONE]', transport);
            else handFrame(data, event, adapter, accumulator, transport);
          })
        : new NdjsonDecoder((line) => {
            if (!accumulator.ended) handFrame(line, '', adapter, accumulator, transport);
          });
  }

  get requestId(): string | undefined {
    return this.#transport.requestId;
  }

  get final(): Promise<CompletionResponse<Raw>> {
    if (this.#final === undefined) {
      this.#final = new Promise((resolve, reject) => {
        this.#settleFinal = (response, error) => (response ? resolve(response) : reject(error));
      });
      if (this.#state !== 'open') this.#settle();
      else if (this.#consumer === 'none') {
        this.#consumer = 'drain';
        this.#accumulator.emitItems = false;
        void this.#drain();
      }
    }
    return this.#final;
  }

  usage(): Usage | undefined {
    return this.#response?.usage;
  }

  tokenUsage(): Usage | undefined {
    return this.#response?.usage;
  }

  [Symbol.asyncIterator](): AsyncIterator<Item<Raw>> {
    return this.#iterator(false) as AsyncIterator<Item<Raw>>;
  }

  get textStream(): AsyncIterable<string> {
    return { [Symbol.asyncIterator]: () => this.#iterator(true) as AsyncIterator<string> };
  }

  toReadableStream(): ReadableStream<Item<Raw>> {
    const iterator = this[Symbol.asyncIterator]();
    return new ReadableStream<Item<Raw>>({
      async pull(controller) {
        const result = await iterator.next();
        if (result.done) controller.close();
        else controller.enqueue(result.value);
      },
      cancel: (reason) => this.cancel(reason),
    });
  }

  cancel(reason?: unknown): void {
    if (this.#state !== 'open') return;
    this.#state = 'cancelled';
    this.#error = reason ?? new DOMException('The stream was cancelled', 'AbortError');
    this.#queue.length = this.#head = 0;
    this.#abort(this.#error);
    this.#settle();
  }

  /** Aborts the request and releases the reader, once. */
  #abort(reason: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#transport.abort(reason);
    this.#reader.cancel(reason).catch(() => undefined);
  }

  #iterator(textOnly: boolean): AsyncIterator<Item<Raw> | string> {
    if (this.#consumer !== 'none') {
      const error = new RigError({
        message:
          'this stream is already being consumed: iterate it once (directly, through textStream or through toReadableStream), and await `final` from the same consumer',
      });
      return { next: () => Promise.reject(error) };
    }
    this.#consumer = 'iterator';
    const next = (): Promise<IteratorResult<Item<Raw> | string>> => {
      const queue = this.#queue;
      while (this.#head < queue.length) {
        const item = queue[this.#head++]!;
        if (!textOnly) return Promise.resolve({ value: item, done: false });
        if (item.type === 'text') return Promise.resolve({ value: item.text, done: false });
      }
      if (this.#state === 'open') {
        this.#filling ??= this.#fill();
        return this.#filling.then(next);
      }
      if (this.#state === 'failed' && !this.#errorDelivered) {
        this.#errorDelivered = true;
        return Promise.reject(this.#error);
      }
      return Promise.resolve(DONE);
    };
    return {
      next,
      return: () => {
        this.cancel();
        return Promise.resolve(DONE);
      },
    };
  }

  async #fill(): Promise<void> {
    try {
      while (this.#state === 'open' && this.#head >= this.#queue.length) {
        this.#queue.length = this.#head = 0;
        await this.#pull();
      }
    } catch (error) {
      this.#fail(error);
    } finally {
      this.#filling = undefined;
    }
  }

  async #drain(): Promise<void> {
    try {
      while (this.#state === 'open') {
        this.#queue.length = 0;
        await this.#pull();
      }
    } catch (error) {
      this.#fail(error);
    }
  }

  async #pull(): Promise<void> {
    const idleTimeoutMs = this.#transport.idleTimeoutMs;
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      if (idleTimeoutMs) {
        this.#waitingSince = Date.now();
        this.#idleTimer ??= this.#armIdle(idleTimeoutMs, idleTimeoutMs);
      }
      result = await this.#reader.read();
      this.#waitingSince = 0;
    } catch (error) {
      // After the end event, a failure of the connection (a reset, a timeout) does not touch the answer; the caller's
      // own abort still ends the stream with its reason, as it would a moment earlier.
      if (this.#state === 'open' && this.#accumulator.ended && (this.#idleError !== undefined || CompletionError.isInstance(this.#transport.mapError(error)))) return this.#complete();
      // Mapped once, by #fail.
      throw this.#idleError ?? error;
    }
    if (this.#state !== 'open') return;
    const ended = this.#accumulator.ended;
    // The idle timer cancelled the reader: the read may end with `done` before the aborted request errors the body.
    if (this.#idleError !== undefined) {
      if (ended) return this.#complete();
      throw this.#idleError;
    }
    if (result.done) {
      if (!ended) {
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
      }
      this.#complete();
      return;
    }
    // What follows the provider's end event (more text, junk, a late error) is not part of the answer.
    if (ended) return;
    this.#decoder.push(this.#textDecoder.decode(result.value, STREAM_DECODE));
    if (this.#accumulator.ended) this.#awaitBodyEnd();
  }

  /** Builds the final response (the provider's end event is in) and settles the stream. */
  #complete(): void {
    this.#response = readStream(() => this.#accumulator.finish(), 'stream sent an answer', this.#transport);
    this.#state = 'done';
    this.#settle();
  }

  // The end event is in: the answer is complete, whether or not the connection closes after it. The body may end by
  // itself for a moment (reading on, discarding), so that its connection stays reusable and the answer is settled once
  // the body is done; held open (or still sending), the answer is settled now and the request aborted.
  #awaitBodyEnd(): void {
    this.#endTimer = setTimeout(() => {
      if (this.#state !== 'open') return;
      try {
        this.#complete();
      } catch (error) {
        this.#fail(error);
        return;
      }
      this.#abort(new DOMException('the stream is complete', 'AbortError'));
    }, RELEASE_AFTER_END_MS);
    // Not unref'd: a caller awaiting only `final` gets it even when nothing else keeps the process alive.
  }

  #armIdle(idleTimeoutMs: number, delay: number): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => {
      const waited = this.#waitingSince === 0 ? 0 : Date.now() - this.#waitingSince;
      if (this.#state !== 'open') return;
      if (waited >= idleTimeoutMs) {
        this.#idleError = new CompletionError({
          kind: 'http',
          message: `stream idle timeout: no data from the provider for ${idleTimeoutMs} ms (idleTimeoutMs)`,
          isRetryable: true,
        });
        this.#abort(this.#idleError);
      } else this.#idleTimer = this.#armIdle(idleTimeoutMs, idleTimeoutMs - waited);
    }, delay);
    (timer as { unref?: () => void }).unref?.();
    return timer;
  }

  #fail(error: unknown): void {
    if (this.#state !== 'open') return;
    this.#state = 'failed';
    // Every failure but our own idle timeout goes through the transport once: it maps what reading threw (an abort
    // reason, a network failure) and removes the API key from errors raised while decoding.
    this.#error = error === this.#idleError ? error : this.#transport.mapError(error);
    this.#abort(this.#error);
    this.#settle();
  }

  #settle(): void {
    if (!this.#released) {
      this.#released = true;
      if (this.#idleTimer !== undefined) clearTimeout(this.#idleTimer);
      if (this.#endTimer !== undefined) clearTimeout(this.#endTimer);
      this.#transport.settle();
    }
    const settleFinal = this.#settleFinal;
    if (settleFinal === undefined) return;
    this.#settleFinal = undefined;
    settleFinal(this.#state === 'done' ? this.#response : undefined, this.#error);
  }
}

/**
 * Wraps a provider's streamed HTTP response: `format` frames it, `adapter` interprets its frames; `warnings` (from
 * preparing the request) are reported on the final response.
 */
export function createStreamingResponse<Raw>(
  transport: StreamTransport,
  format: StreamFormat,
  adapter: StreamAdapter<Raw>,
  warnings: readonly Warning[] = [],
): StreamingResponse<Raw> {
  return new StreamingResponse(transport, format, adapter, warnings);
}
