import {
  RigError,
  type CompletionResponse,
  type StreamedAssistantContent,
  type StreamingCompletionResponse,
  type Usage,
  type Warning,
} from '@rig-ts/core';
import { FinalPromise } from './final-promise.js';
import { HttpStreamSource, type StreamFormat } from './http-stream-source.js';
import type { StreamAdapter } from './stream-adapter.js';
import type { StreamSource } from './stream-source.js';
import type { StreamTransport } from './stream-transport.js';

type Item<Raw> = StreamedAssistantContent<Raw>;
type State = 'open' | 'done' | 'failed' | 'cancelled';

const DONE: IteratorReturnResult<undefined> = Object.freeze({ value: undefined, done: true });

function alreadyConsumed(): RigError {
  return new RigError({
    message:
      'this stream is already being consumed: iterate it once (or read textStream once) and await `final` from the same consumer',
  });
}

/**
 * The one `StreamingCompletionResponse` implementation — provider streams, agent runs and `fallback()` streams all
 * are one — over any {@link StreamSource}. One reader: the first of iteration, `textStream` or `toReadableStream()`
 * claims the stream and any other gets an error. `final` starts nothing when it is read, only when it is awaited:
 * awaited while a reader iterates, it settles when the reader is done; awaited with no reader (by the next
 * microtask), it reads the stream to its end itself. Items come out of the source's queue with no copy and no
 * per-item allocation beyond the iterator result.
 */
export class StreamingResponse<Raw = unknown> implements StreamingCompletionResponse<Raw> {
  readonly #source: StreamSource<Raw>;
  readonly #queue: Item<Raw>[];
  #head = 0;
  #state: State = 'open';
  #error: unknown;
  #errorDelivered = false;
  #consumer: 'none' | 'iterator' | 'drain' = 'none';
  #filling: Promise<void> | undefined;
  #response: CompletionResponse<Raw> | undefined;
  #final: FinalPromise<CompletionResponse<Raw>> | undefined;
  #settleFinal: ((response: CompletionResponse<Raw> | undefined, error?: unknown) => void) | undefined;
  #released = false;

  constructor(source: StreamSource<Raw>) {
    this.#source = source;
    this.#queue = source.items;
  }

  get requestId(): string | undefined {
    return this.#source.requestId;
  }

  get final(): Promise<CompletionResponse<Raw>> {
    if (this.#final === undefined) {
      const { promise, resolve, reject } = FinalPromise.pending<CompletionResponse<Raw>>(() => this.#finalAwaited());
      this.#final = promise;
      this.#settleFinal = (response, error) => (response ? resolve(response) : reject(error));
      if (this.#state !== 'open') this.#settle();
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
    this.#source.abort(this.#error);
    this.#settle();
  }

  /** `final` was awaited: with no reader by then (after this microtask, so `final.then(…)` just before a loop is fine), read the stream to its end. */
  #finalAwaited(): void {
    if (this.#consumer !== 'none' || this.#state !== 'open') return;
    queueMicrotask(() => {
      if (this.#consumer !== 'none' || this.#state !== 'open') return;
      this.#consumer = 'drain';
      this.#source.skipItems?.();
      void this.#drain();
    });
  }

  #iterator(textOnly: boolean): AsyncIterator<Item<Raw> | string> {
    if (this.#consumer !== 'none') {
      const error = alreadyConsumed();
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

  /** One pull from the source (the iterator pulls again while the queue stays empty and the stream open). */
  #fill(): Promise<void> {
    this.#queue.length = this.#head = 0;
    return this.#source.pull().then(
      (response) => {
        this.#filling = undefined;
        if (this.#state !== 'open') this.#queue.length = this.#head = 0;
        else if (response !== undefined) this.#complete(response);
      },
      (error: unknown) => {
        this.#filling = undefined;
        this.#fail(error);
      },
    );
  }

  async #drain(): Promise<void> {
    try {
      while (this.#state === 'open') {
        this.#queue.length = 0;
        const response = await this.#source.pull();
        if (response !== undefined) this.#complete(response);
      }
    } catch (error) {
      this.#fail(error);
    }
  }

  #complete(response: CompletionResponse<Raw>): void {
    if (this.#state !== 'open') return;
    this.#state = 'done';
    this.#response = response;
    this.#settle();
  }

  #fail(error: unknown): void {
    if (this.#state !== 'open') return;
    this.#state = 'failed';
    this.#error = error;
    this.#source.abort(error);
    this.#settle();
  }

  #settle(): void {
    if (!this.#released) {
      this.#released = true;
      this.#source.release();
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
  return new StreamingResponse(new HttpStreamSource(transport, format, adapter, warnings));
}
