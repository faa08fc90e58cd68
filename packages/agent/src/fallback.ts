import {
  BaseCompletionModel,
  CompletionError,
  type CallOptions,
  type CompletionErrorKind,
  type CompletionModel,
  type CompletionRequest,
  type CompletionResponse,
  type StreamedAssistantContent,
  type StreamingCompletionResponse,
  type Usage,
} from '@rig-ts/core';

/** When {@link fallback} moves to the next model. */
export interface FallbackOptions {
  /**
   * Error kinds that also move on, besides retryable errors (which always do, once the model's own retries are
   * spent). `request` errors never move on: the next model would refuse the same request.
   * @default []
   */
  on?: readonly Exclude<CompletionErrorKind, 'request'>[];
}

function shouldFallBack(error: unknown, on: readonly CompletionErrorKind[]): boolean {
  if (!CompletionError.isInstance(error) || error.kind === 'request') return false;
  return error.isRetryable || on.includes(error.kind);
}

/** A stream whose first item was already read (to decide whether to fall back), replayed before the rest. */
class PeekedStream implements StreamingCompletionResponse {
  readonly #inner: StreamingCompletionResponse;
  readonly #iterator: AsyncIterator<StreamedAssistantContent>;
  #first: IteratorResult<StreamedAssistantContent> | undefined;

  constructor(inner: StreamingCompletionResponse, iterator: AsyncIterator<StreamedAssistantContent>, first: IteratorResult<StreamedAssistantContent>) {
    this.#inner = inner;
    this.#iterator = iterator;
    this.#first = first;
  }

  get requestId(): string | undefined {
    return this.#inner.requestId;
  }

  get final(): Promise<CompletionResponse> {
    return (async () => {
      for (;;) if ((await this.next()).done) break;
      return this.#inner.final;
    })();
  }

  get textStream(): AsyncIterable<string> {
    const self = this;
    return {
      async *[Symbol.asyncIterator]() {
        for await (const item of self) if (item.type === 'text') yield item.text;
      },
    };
  }

  next(): Promise<IteratorResult<StreamedAssistantContent>> {
    const first = this.#first;
    if (first) {
      this.#first = undefined;
      return Promise.resolve(first);
    }
    return this.#iterator.next();
  }

  [Symbol.asyncIterator](): AsyncIterator<StreamedAssistantContent> {
    return { next: () => this.next(), return: async () => (this.#iterator.return ? this.#iterator.return() : { value: undefined, done: true }) };
  }

  usage(): Usage | undefined {
    return this.#inner.usage();
  }

  tokenUsage(): Usage | undefined {
    return this.#inner.tokenUsage();
  }

  cancel(reason?: unknown): void {
    this.#inner.cancel(reason);
  }

  toReadableStream(): ReadableStream<StreamedAssistantContent> {
    return new ReadableStream({
      pull: async (controller) => {
        const result = await this.next();
        if (result.done) controller.close();
        else controller.enqueue(result.value);
      },
      cancel: (reason) => this.cancel(reason),
    });
  }
}

/** A model that tries `models` in order (see {@link fallback}). */
export class FallbackModel extends BaseCompletionModel {
  readonly provider = 'fallback';
  readonly models: readonly CompletionModel[];
  readonly #on: readonly CompletionErrorKind[];

  constructor(models: readonly CompletionModel[], options: FallbackOptions = {}) {
    if (models.length === 0) throw new RangeError('fallback() needs at least one model');
    super(models.map((model) => `${model.provider}:${model.modelId}`).join(' > '));
    this.models = models;
    this.#on = options.on ?? [];
  }

  async completion(request: CompletionRequest, options?: CallOptions): Promise<CompletionResponse> {
    for (let index = 0; ; index++) {
      try {
        return await this.models[index]!.completion(request, options);
      } catch (error) {
        if (index === this.models.length - 1 || options?.signal?.aborted || !shouldFallBack(error, this.#on)) throw error;
      }
    }
  }

  async stream(request: CompletionRequest, options?: CallOptions): Promise<StreamingCompletionResponse> {
    for (let index = 0; ; index++) {
      try {
        const stream = await this.models[index]!.stream(request, options);
        const iterator = stream[Symbol.asyncIterator]();
        return new PeekedStream(stream, iterator, await iterator.next());
      } catch (error) {
        if (index === this.models.length - 1 || options?.signal?.aborted || !shouldFallBack(error, this.#on)) throw error;
      }
    }
  }
}

/**
 * Graceful fallback between models: a `CompletionModel` that tries each model in turn, moving on when one
 * fails with a retryable error after its own retries (or with a kind listed in `on`). A stream falls back only
 * before its first item; once an item reached the caller, its errors are the caller's.
 */
export function fallback(models: readonly CompletionModel[], options?: FallbackOptions): FallbackModel {
  return new FallbackModel(models, options);
}
