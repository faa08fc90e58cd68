/** Per-call options, accepted by every call. They override the client's settings for this call. */
export interface CallOptions {
  /**
   * Cancels the call: it rejects with the signal's reason itself (as `fetch` does), whichever API was called — `send`,
   * `prompt`, a stream's iteration and `final`, an agent run. `isCancelled(error, signal)` recognizes it.
   */
  signal?: AbortSignal;
  /** Extra HTTP headers for this call. */
  headers?: { [name: string]: string };
  /** Limit for the whole call, retries included. @default the client's (10 minutes) */
  timeoutMs?: number;
  /** Longest pause between two streamed bytes. @default the client's (5 minutes) */
  idleTimeoutMs?: number;
  /** Retries after the first attempt. @default the client's (2) */
  maxRetries?: number;
}
