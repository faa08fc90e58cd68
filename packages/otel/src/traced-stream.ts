import type { CompletionResponse, StreamedAssistantContent, StreamingCompletionResponse, Usage } from '@rig-ts/core';
import type { ModelCall } from './model-call.js';

type Item<Raw> = StreamedAssistantContent<Raw>;

/**
 * A stream seen through its model call's span: the first item gives the time to first chunk; the `final` item (or the
 * `final` promise) ends the span with the response; a failure ends it failed; `cancel()`, leaving a `for await` early
 * or an end without a `final` item end it cancelled. Everything else is the wrapped stream's own behaviour.
 */
export class TracedStream<Raw = unknown> implements StreamingCompletionResponse<Raw> {
  readonly #inner: StreamingCompletionResponse<Raw>;
  readonly #call: ModelCall;
  #consumer: 'none' | 'final' | 'iterator' = 'none';

  constructor(inner: StreamingCompletionResponse<Raw>, call: ModelCall) {
    this.#inner = inner;
    this.#call = call;
    call.watch();
  }

  get requestId(): string | undefined {
    return this.#inner.requestId;
  }

  get final(): Promise<CompletionResponse<Raw>> {
    const final = this.#inner.final;
    if (this.#consumer !== 'none') {
      final.then(
        (response) => this.#call.succeed(response),
        (error: unknown) => this.#call.fail(error),
      );
      return final;
    }
    // Awaiting `final` alone drains the stream: it is being read until it settles.
    this.#consumer = 'final';
    const call = this.#call;
    call.pending++;
    final.then(
      (response) => {
        call.pending--;
        call.succeed(response);
      },
      (error: unknown) => {
        call.pending--;
        call.fail(error);
      },
    );
    return final;
  }

  get textStream(): AsyncIterable<string> {
    return {
      [Symbol.asyncIterator]: () => {
        const items = this[Symbol.asyncIterator]();
        return {
          next: async (): Promise<IteratorResult<string>> => {
            for (;;) {
              const result = await items.next();
              if (result.done) return { value: undefined, done: true };
              if (result.value.type === 'text') return { value: result.value.text, done: false };
            }
          },
          return: async (): Promise<IteratorResult<string>> => {
            await items.return?.();
            return { value: undefined, done: true };
          },
        };
      },
    };
  }

  usage(): Usage | undefined {
    return this.#inner.usage();
  }

  tokenUsage(): Usage | undefined {
    return this.#inner.tokenUsage();
  }

  cancel(reason?: unknown): void {
    this.#call.cancel();
    this.#inner.cancel(reason);
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

  [Symbol.asyncIterator](): AsyncIterator<Item<Raw>> {
    const iterator = this.#inner[Symbol.asyncIterator]();
    // A second consumer (or one after `final` started draining): the wrapped stream reports the misuse; it says
    // nothing about the call.
    if (this.#consumer !== 'none') return iterator;
    this.#consumer = 'iterator';
    const call = this.#call;
    return {
      next: async () => {
        call.pending++;
        let result: IteratorResult<Item<Raw>>;
        try {
          result = await iterator.next();
        } catch (error) {
          call.pending--;
          call.fail(error);
          throw error;
        }
        call.pending--;
        if (result.done) call.cancel();
        else {
          call.chunk();
          if (result.value.type === 'final') call.succeed(result.value.response);
        }
        return result;
      },
      return: async (value?: unknown) => {
        call.cancel();
        return iterator.return ? iterator.return(value) : { value: undefined, done: true };
      },
    };
  }
}
