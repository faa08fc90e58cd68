/** Options of the Gemini {@link Client}. Each one falls back to its environment variable, then to {@link GEMINI_DEFAULTS}. */
export interface GeminiClientOptions {
  /** The API key, sent in the `x-goog-api-key` header (never in the URL). @default process.env.GEMINI_API_KEY ?? process.env.GOOGLE_API_KEY, read at each request */
  apiKey?: string;
  /** The API root; paths such as `/models/{id}:generateContent` are appended to it. @default process.env.GEMINI_BASE_URL ?? 'https://generativelanguage.googleapis.com/v1beta' */
  baseURL?: string;
  /** Headers sent with every request. */
  headers?: { [name: string]: string };
  /** The `fetch` to use. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** Retries after the first attempt (429, 5xx, network errors), with backoff and Retry-After. @default 2 */
  maxRetries?: number;
  /** Limit for a whole call, retries and streaming included, in ms. @default 600000 */
  timeoutMs?: number;
  /** Longest pause between two streamed bytes, in ms. @default 300000 */
  idleTimeoutMs?: number;
  /** Longest wait a server may ask for with Retry-After, in ms; a longer one fails the call at once. @default 60000 */
  maxRetryDelayMs?: number;
}

/** The defaults of the Gemini client. */
export const GEMINI_DEFAULTS = {
  baseURL: 'https://generativelanguage.googleapis.com/v1beta',
} as const;
