import type { ClientTransportOptions } from '@rig-ts/http';

/** Options of the Gemini {@link Client}. Each one falls back to its environment variable, then to {@link GEMINI_DEFAULTS}. */
export interface GeminiClientOptions extends ClientTransportOptions {
  /** The API key, sent in the `x-goog-api-key` header (never in the URL). @default process.env.GEMINI_API_KEY ?? process.env.GOOGLE_API_KEY, read at each request */
  apiKey?: string | undefined;
  /** The API root; paths such as `/models/{id}:generateContent` are appended to it. @default process.env.GEMINI_BASE_URL ?? 'https://generativelanguage.googleapis.com/v1beta' */
  baseURL?: string | undefined;
}

/** The defaults of the Gemini client. */
export const GEMINI_DEFAULTS = {
  baseURL: 'https://generativelanguage.googleapis.com/v1beta',
} as const;
