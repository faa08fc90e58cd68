import {
  CompletionError,
  type CompletionResponse,
  type StreamedAssistantContent,
  type StreamingCompletionResponse,
} from '@rig-ts/core';
import type { StreamSource } from '@rig-ts/streaming';
import type { ModelCall } from './model-call.js';

type Item<Raw> = StreamedAssistantContent<Raw>;

/**
 * A model's stream seen through its call's span, as the source of the `StreamingResponse` a traced model returns (so
 * iteration, `textStream`, `toReadableStream()`, `final` and the one-reader rule are the streaming package's one
 * implementation): the first item gives the time to first chunk; the `final` item (or the wrapped `final`, when only
 * `final` is awaited) ends the span with the response; a failure ends it failed; `cancel()`, leaving a `for await` or
 * cancelling `toReadableStream()` ends it cancelled. An end without a `final` item fails as `truncated`.
 */
export class TracedStreamSource<Raw = unknown> implements StreamSource<Raw> {
  readonly items: Item<Raw>[] = [];
  readonly #inner: StreamingCompletionResponse<Raw>;
  readonly #call: ModelCall;
  #iterator: AsyncIterator<Item<Raw>> | undefined;
  #finalOnly = false;
  #aborted = false;

  constructor(inner: StreamingCompletionResponse<Raw>, call: ModelCall) {
    this.#inner = inner;
    this.#call = call;
    call.watch();
  }

  get requestId(): string | undefined {
    return this.#inner.requestId;
  }

  pull(): Promise<CompletionResponse<Raw> | undefined> {
    const call = this.#call;
    // A read waiting on the provider: the stream is not abandoned meanwhile.
    call.pending++;
    const failed = (error: unknown): never => {
      call.pending--;
      call.fail(error);
      throw error;
    };
    // Only `final` is awaited: the wrapped stream reads itself to its end (skipping what it can).
    if (this.#finalOnly) {
      return this.#inner.final.then((response) => {
        call.pending--;
        call.succeed(response);
        return response;
      }, failed);
    }
    this.#iterator ??= this.#inner[Symbol.asyncIterator]();
    return this.#iterator.next().then((result) => {
      if (this.#aborted) {
        call.pending--;
        return undefined;
      }
      if (result.done)
        return failed(
          new CompletionError({
            kind: 'response',
            reason: 'truncated',
            message: 'stream ended before its final item (truncated response)',
          }),
        );
      call.pending--;
      call.chunk();
      const item = result.value;
      this.items.push(item);
      if (item.type !== 'final') return undefined;
      call.succeed(item.response);
      return item.response;
    }, failed);
  }

  skipItems(): void {
    this.#finalOnly = true;
  }

  abort(reason: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#call.cancel();
    this.#inner.cancel(reason);
  }

  release(): void {}
}
