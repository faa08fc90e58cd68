import { CompletionError, type CompletionResponse, type StreamedAssistantContent, type Warning } from '@rig-ts/core';
import { readResponse, unreadableResponse } from '@rig-ts/core/internal';
import { NdjsonDecoder } from './ndjson-decoder.js';
import { SseDecoder } from './sse-decoder.js';
import { StreamAccumulator } from './stream-accumulator.js';
import type { StreamAdapter } from './stream-adapter.js';
import type { StreamSource } from './stream-source.js';
import type { StreamTransport } from './stream-transport.js';

/** How the body is framed. */
export type StreamFormat = 'sse' | 'ndjson';

const STREAM_DECODE: TextDecodeOptions = { stream: true };

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
    throw unreadableResponse(error, event === '' ? 'stream sent a line' : `stream sent a "${event}" frame`);
  }
}

/**
 * A provider's streamed HTTP body as a {@link StreamSource}: reads it as the consumer pulls (one network chunk at a
 * time, no intermediate streams), decodes frames, feeds the provider's adapter and the shared accumulator, enforces
 * the idle timeout and the failure contract (truncation, malformed frames), and maps every failure through the
 * transport once.
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
  #aborted = false;
  #released = false;

  constructor(transport: StreamTransport, format: StreamFormat, adapter: StreamAdapter<Raw>, warnings: readonly Warning[] = []) {
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
            if (data === '[DONE]') readResponse(() => adapter.onDone?.(accumulator), 'stream sent a [DONE]');
            else handFrame(data, event, adapter, accumulator, transport);
          })
        : new NdjsonDecoder((line) => handFrame(line, '', adapter, accumulator, transport));
  }

  get requestId(): string | undefined {
    return this.#transport.requestId;
  }

  skipItems(): void {
    this.#accumulator.emitItems = false;
  }

  async pull(): Promise<CompletionResponse<Raw> | undefined> {
    try {
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
        throw this.#idleError ?? error;
      }
      // The idle timer cancelled the reader: the read may end with `done` before the aborted request errors the body.
      if (this.#idleError !== undefined) throw this.#idleError;
      if (this.#aborted) return undefined;
      if (result.done) {
        this.#decoder.push(this.#textDecoder.decode());
        this.#decoder.end();
        readResponse(() => this.#adapter.onEnd?.(this.#accumulator), 'stream ended in a way');
        if (!this.#accumulator.ended) {
          throw new CompletionError({
            kind: 'response',
            reason: 'truncated',
            message: 'stream ended before the provider signalled completion (truncated response)',
          });
        }
        return readResponse(() => this.#accumulator.finish(), 'stream sent an answer');
      }
      this.#decoder.push(this.#textDecoder.decode(result.value, STREAM_DECODE));
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
