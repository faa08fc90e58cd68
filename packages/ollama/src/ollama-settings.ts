/** Options of the Ollama {@link Client}. Each one falls back to its environment variable, then to {@link OLLAMA_DEFAULTS}. */
export interface OllamaClientOptions {
  /** A key sent as `Authorization: Bearer …`, for Ollama behind an authenticating proxy or Ollama's cloud; none is needed locally. @default process.env.OLLAMA_API_KEY, read at each request */
  apiKey?: string;
  /** The server's root URL, used as given (a trailing slash is dropped). @default OLLAMA_HOST (`host`, `host:port` or a URL; port 11434 when none is given), else 'http://127.0.0.1:11434' */
  baseURL?: string;
  /** Headers sent with every request. */
  headers?: { [name: string]: string };
  /** The `fetch` to use. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** Retries after the first attempt (429, 5xx, network errors), with backoff and Retry-After. @default 2 */
  maxRetries?: number;
  /** Limit for a whole call, retries and streaming included, in ms. @default 600000 */
  timeoutMs?: number;
  /** Longest pause between two streamed bytes, in ms (a model loading into memory can take a while). @default 300000 */
  idleTimeoutMs?: number;
  /** Longest wait a server may ask for with Retry-After, in ms; a longer one fails the call at once. @default 60000 */
  maxRetryDelayMs?: number;
}

/** The defaults of the Ollama client. */
export const OLLAMA_DEFAULTS = {
  baseURL: 'http://127.0.0.1:11434',
  /** The port used when OLLAMA_HOST names none. */
  port: 11434,
} as const;
