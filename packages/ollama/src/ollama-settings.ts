import type { ClientTransportOptions } from '@rig-ts/http';

/** Options of the Ollama {@link Client}. Each one falls back to its environment variable, then to {@link OLLAMA_DEFAULTS}. */
export interface OllamaClientOptions extends ClientTransportOptions {
  /** A key sent as `Authorization: Bearer …`, for Ollama behind an authenticating proxy or Ollama's cloud; none is needed locally. @default process.env.OLLAMA_API_KEY, read at each request */
  apiKey?: string | undefined;
  /** The server's root URL, used as given (a trailing slash is dropped). @default OLLAMA_HOST (`host`, `host:port` or a URL; port 11434 when none is given), else 'http://127.0.0.1:11434' */
  baseURL?: string | undefined;
}

/** The defaults of the Ollama client. */
export const OLLAMA_DEFAULTS = {
  baseURL: 'http://127.0.0.1:11434',
  /** The port used when OLLAMA_HOST names none. */
  port: 11434,
} as const;
