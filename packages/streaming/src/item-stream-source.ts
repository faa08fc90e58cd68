import { CompletionError, type CompletionResponse, type StreamedAssistantContent } from '@rig-ts/core';
import type { StreamSource } from './stream-source.js';

/** Options of an {@link ItemStreamSource} (and of `streamFromItems`). */
export interface ItemStreamSourceOptions {
  /** The request id the stream reports; called each time it is asked. @default none */
  requestId?: () => string | undefined;
  /** Called once when the stream ends early (cancelled by its consumer, or failed): stop producing items. */
  onAbort?: (reason: unknown) => void;
}

/**
 * An async iterator of items as a {@link StreamSource}: one item per pull; when the iterator ends, the stream is
 * complete with the `response` of the last `final` item (an iterator that ends without one is a truncated stream).
 * What the iterator throws ends the stream as it is. Subclasses of `StreamingResponse` (the agent's `AgentStream`)
 * pass one to `super`; `streamFromItems` is the short way.
 */
export class ItemStreamSource<Raw = unknown> implements StreamSource<Raw> {
  readonly items: StreamedAssistantContent<Raw>[] = [];
  readonly #iterator: AsyncIterator<StreamedAssistantContent<Raw>>;
  readonly #options: ItemStreamSourceOptions;
  #response: CompletionResponse<Raw> | undefined;
  #aborted = false;

  constructor(iterator: AsyncIterator<StreamedAssistantContent<Raw>>, options: ItemStreamSourceOptions = {}) {
    this.#iterator = iterator;
    this.#options = options;
  }

  get requestId(): string | undefined {
    return this.#options.requestId?.();
  }

  pull(): Promise<CompletionResponse<Raw> | undefined> {
    return this.#iterator.next().then((result) => {
      if (this.#aborted) return undefined;
      if (result.done) {
        if (this.#response === undefined) {
          throw new CompletionError({
            kind: 'response',
            reason: 'truncated',
            message: 'stream ended before its final item (truncated response)',
          });
        }
        return this.#response;
      }
      const item = result.value;
      if (item.type === 'final') this.#response = item.response;
      this.items.push(item);
      return undefined;
    });
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
