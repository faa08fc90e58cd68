/** The transport options every provider's client takes, beside its own (key, base URL, provider settings). */
export interface ClientTransportOptions {
  /** Headers sent with every request. */
  headers?: { [name: string]: string } | undefined;
  /**
   * The `fetch` to use (tests, proxies, edge runtimes). It is asked for `redirect: 'manual'`; its own time limits
   * apply (the runtime's own `fetch` has Node's 300 s header and body limits turned off). @default globalThis.fetch
   */
  fetch?: typeof globalThis.fetch | undefined;
  /**
   * Retries after the first attempt, on 408, 409, 429, 5xx and network failures before any response byte (never after
   * a timeout), with backoff and Retry-After. @default 2
   */
  maxRetries?: number | undefined;
  /** Limit for a whole call, retries and streaming included, in ms; `0` or `Infinity` for none. @default 600000 */
  timeoutMs?: number | undefined;
  /** Longest pause between two streamed bytes, in ms. @default 300000 */
  idleTimeoutMs?: number | undefined;
  /**
   * Longest wait a server may ask for with Retry-After, in ms; a longer one (or one longer than what is left of
   * `timeoutMs`) fails the call at once. @default 60000
   */
  maxRetryDelayMs?: number | undefined;
}

/**
 * The transport options of a client's options, without its headers (a client merges its own headers with them):
 * what a provider's client passes on to its {@link HttpTransport}, so a new option reaches every provider.
 */
export function transportOptionsOf(options: ClientTransportOptions): Omit<ClientTransportOptions, 'headers'> {
  const { fetch, maxRetries, timeoutMs, idleTimeoutMs, maxRetryDelayMs } = options;
  return { fetch, maxRetries, timeoutMs, idleTimeoutMs, maxRetryDelayMs };
}
