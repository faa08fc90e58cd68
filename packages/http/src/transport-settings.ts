import type { ProviderErrorInfo } from '@rig-ts/core';
import type { ClientTransportOptions } from './client-transport-options.js';

/** How the API key is sent. */
export type AuthScheme = 'bearer' | 'x-api-key' | 'x-goog-api-key' | 'api-key' | 'none';

/** Settings of an {@link HttpTransport}, made once per client: a client's transport options, and the provider's own. */
export interface TransportSettings extends ClientTransportOptions {
  /** The provider's name, used in error messages (`OpenAI`, `Anthropic`…). */
  provider: string;
  /** Base URL; paths are appended to it. A trailing slash is ignored. */
  baseURL: string;
  /** The API key, or a function read at each call (so importing never throws). */
  apiKey?: string | (() => string | undefined);
  /** How the key is sent. @default 'bearer' */
  auth?: AuthScheme;
  /**
   * The environment variables the key is read from. When set, a call without a key fails with a `request` error (path
   * `apiKey`) naming the `apiKey` option and these variables, worded alike for every provider; when absent, a call
   * without a key is sent with no auth header (a local server).
   */
  apiKeyVariables?: readonly string[] | undefined;
  /** Reads the provider's error from a parsed JSON body. @default extractProviderError */
  parseError?: (body: unknown) => ProviderErrorInfo | undefined;
}

/** The defaults of {@link TransportSettings}. */
export const DEFAULT_TRANSPORT_SETTINGS = {
  auth: 'bearer',
  maxRetries: 2,
  timeoutMs: 600_000,
  idleTimeoutMs: 300_000,
  maxRetryDelayMs: 60_000,
} as const;
