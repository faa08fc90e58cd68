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
  /**
   * Maps what ended the stream — what reading the body threw (an abort reason, a network failure) or an error raised
   * decoding it (a malformed frame, the provider's in-stream error) — to what the consumer sees (the HTTP transport
   * removes the API key from it).
   */
  mapError(error: unknown): unknown;
  /** Removes secrets from stream text that an error is about to quote (before it is cut to length). */
  redact?(text: string): string;
  /** Called once when the stream settles (finished, failed or cancelled): releases timers and listeners. */
  settle(): void;
}
