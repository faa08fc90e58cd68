import type { CompletionResponse, StreamedAssistantContent } from '@rig-ts/core';

/**
 * Where a {@link StreamingResponse} gets its items: a provider's HTTP body (`createStreamingResponse`) or any async
 * iterator of items (`streamFromItems`: an agent run, a fallback). The stream object owns the consumer side — one
 * reader, `final`, `usage()`, `cancel()`, `toReadableStream()` — and calls the source as the consumer pulls.
 */
export interface StreamSource<Raw = unknown> {
  /** The queue: `pull()` appends items here; the stream takes them from the front and empties it between pulls. */
  readonly items: StreamedAssistantContent<Raw>[];
  /** The provider's request id, when known (read each time it is asked: it may be learnt as the source goes on). */
  readonly requestId: string | undefined;
  /**
   * Reads on until at least one item was appended or the stream is complete; resolves with the aggregated response
   * once complete (the stream then calls it no more), else with `undefined`. Rejects with what ended the stream, as
   * the consumer is to see it. Appends nothing once `abort` was called.
   */
  pull(): Promise<CompletionResponse<Raw> | undefined>;
  /** The consumer only awaits `final`: items other than the `final` one need not be queued. */
  skipItems?(): void;
  /** The stream ended early (cancelled, or the source failed): stop reading and abort the request. At most once. */
  abort(reason: unknown): void;
  /** The stream settled (complete, failed or cancelled): release timers and the connection. Exactly once. */
  release(): void;
}
