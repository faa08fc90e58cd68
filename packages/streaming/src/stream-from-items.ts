import { CompletionError, type CompletionResponse, type StreamedAssistantContent } from '@rig-ts/core';
import type { StreamSource } from './stream-source.js';
import { StreamingResponse } from './streaming-response.js';

/** Options of {@link streamFromItems}. */
export interface StreamFromItemsOptions {
  /** The request id the stream reports; called each time it is asked. @default none */
  requestId?: () => string | undefined;
  /** Called once when the stream ends early (cancelled by its consumer, or failed): stop producing items. */
  onAbort?: (reason: unknown) => void;
}

/** An async iterator of items as a {@link StreamSource}: one item per pull; the last `final` item is the response. */
class ItemIteratorSource<Raw> implements StreamSource<Raw> {
  readonly items: StreamedAssistantContent<Raw>[] = [];
  readonly #iterator: AsyncIterator<StreamedAssistantContent<Raw>>;
  readonly #options: StreamFromItemsOptions;
  #response: CompletionResponse<Raw> | undefined;
  #aborted = false;

  constructor(iterator: AsyncIterator<StreamedAssistantContent<Raw>>, options: StreamFromItemsOptions) {
    this.#iterator = iterator;
    this.#options = options;
  }

  get requestId(): string | undefined {
    return this.#options.requestId?.();
  }

  async pull(): Promise<CompletionResponse<Raw> | undefined> {
    const result = await this.#iterator.next();
    if (this.#aborted) return undefined;
    if (result.done) {
      if (this.#response === undefined) {
        throw new CompletionError({ kind: 'response', reason: 'truncated', message: 'stream ended before its final item (truncated response)' });
      }
      return this.#response;
    }
    const item = result.value;
    if (item.type === 'final') this.#response = item.response;
    this.items.push(item);
    return undefined;
  }

  abort(reason: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#options.onAbort?.(reason);
    // Runs the producer's `finally` blocks once its pending step settles.
    this.#iterator.return?.().catch(() => undefined);
  }

  release(): void {}
}

/**
 * A `StreamingCompletionResponse` over any async source of items — how an agent run and `fallback()` stream: the
 * same single reader, lazy `final`, `usage()`, `cancel()` and `toReadableStream()` as a provider's stream. The items
 * are passed on as they come; the stream completes when the source ends, with the `response` of the last `final`
 * item (a source that ends without one fails as `truncated`). Whatever the source throws ends the stream with that
 * error, as it is.
 *
 * @example
 * const stream = streamFromItems(run(), { onAbort: (reason) => controller.abort(reason) });
 */
export function streamFromItems<Raw = unknown>(
  items: AsyncIterable<StreamedAssistantContent<Raw>> | AsyncIterator<StreamedAssistantContent<Raw>>,
  options: StreamFromItemsOptions = {},
): StreamingResponse<Raw> {
  const iterator = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items;
  return new StreamingResponse(new ItemIteratorSource(iterator, options));
}
