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
} from '@rig-ts/core';
import { streamFromItems } from '@rig-ts/streaming';

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

/** The items of `iterator` with `first` (already read, to decide whether to fall back) put back in front. */
function withFirst(
  first: IteratorResult<StreamedAssistantContent>,
  iterator: AsyncIterator<StreamedAssistantContent>,
): AsyncIterator<StreamedAssistantContent> {
  let pending: IteratorResult<StreamedAssistantContent> | undefined = first;
  return {
    next() {
      const result = pending;
      pending = undefined;
      return result ? Promise.resolve(result) : iterator.next();
    },
    return() {
      pending = undefined;
      return iterator.return ? iterator.return() : Promise.resolve({ value: undefined, done: true });
    },
  };
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
        if (index === this.models.length - 1 || options?.signal?.aborted || !shouldFallBack(error, this.#on))
          throw error;
      }
    }
  }

  async stream(request: CompletionRequest, options?: CallOptions): Promise<StreamingCompletionResponse> {
    for (let index = 0; ; index++) {
      try {
        const stream = await this.models[index]!.stream(request, options);
        const iterator = stream[Symbol.asyncIterator]();
        const first = await iterator.next();
        return streamFromItems(withFirst(first, iterator), {
          requestId: () => stream.requestId,
          onAbort: (reason) => stream.cancel(reason),
        });
      } catch (error) {
        if (index === this.models.length - 1 || options?.signal?.aborted || !shouldFallBack(error, this.#on))
          throw error;
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
