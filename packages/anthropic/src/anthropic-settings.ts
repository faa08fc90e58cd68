import type { ClientTransportOptions } from '@rig-ts/http';

/** Options of `new anthropic.Client(options)`. */
export interface AnthropicClientOptions extends ClientTransportOptions {
  /** The API key, sent as `x-api-key`. @default process.env.ANTHROPIC_API_KEY, read at each request */
  apiKey?: string | undefined;
  /** The API's base URL; `/messages` is appended. @default process.env.ANTHROPIC_BASE_URL ?? 'https://api.anthropic.com/v1' */
  baseURL?: string | undefined;
  /** Headers sent with every request (e.g. `anthropic-dangerous-direct-browser-access: 'true'` to call from a browser). */
  headers?: { [name: string]: string };
  /** The `anthropic-version` header. @default '2023-06-01' */
  anthropicVersion?: string;
  /** Beta features, sent as the `anthropic-beta` header (comma-separated). */
  beta?: string | readonly string[];
}

/** The defaults of the Anthropic client. */
export const ANTHROPIC_DEFAULTS = {
  baseURL: 'https://api.anthropic.com/v1',
  anthropicVersion: '2023-06-01',
  apiKeyVariable: 'ANTHROPIC_API_KEY',
  baseURLVariable: 'ANTHROPIC_BASE_URL',
  /** `max_tokens` for a model this package does not know. */
  maxTokens: 4096,
} as const;
