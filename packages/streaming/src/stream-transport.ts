/**
 * The HTTP side of a stream, as `@rig-ts/http`'s `postStream` returns it (any transport with this shape works).
 */
export interface StreamTransport {
  /** The response body. */
  readonly body: ReadableStream<Uint8Array>;
  /** The provider's request id, when it sent one. */
  readonly requestId?: string | undefined;
  /** Longest wait for the next bytes, in ms; `0` or absent for none. */
  readonly idleTimeoutMs?: number | undefined;
  /** Aborts the HTTP request and releases its connection. */
  abort(reason?: unknown): void;
  /** Maps what reading the body threw (an abort reason, a network failure) to what the consumer sees. */
  mapError(error: unknown): unknown;
  /** Called once when the stream settles (finished, failed or cancelled): releases timers and listeners. */
  settle(): void;
}
