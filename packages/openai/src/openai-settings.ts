import type { OpenAIChatOptions, OpenAIResponsesOptions } from '@rig-ts/openai-wire';

/** Options of {@link Client}. Explicit values win, then the environment, then the defaults. */
export interface OpenAIClientOptions {
  /** The API key. @default process.env.OPENAI_API_KEY, read when a request is made */
  apiKey?: string;
  /** @default process.env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1' */
  baseURL?: string;
  /** Sent as `OpenAI-Organization`. @default process.env.OPENAI_ORG_ID */
  organization?: string;
  /** Sent as `OpenAI-Project`. @default process.env.OPENAI_PROJECT_ID */
  project?: string;
  /** Headers sent with every request. */
  headers?: { [name: string]: string };
  /** The `fetch` to use (tests, proxies, edge runtimes). @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** Retries after the first attempt, on 408, 409, 429, 5xx and network failures. @default 2 */
  maxRetries?: number;
  /** Limit for a whole call, retries and streaming included, in ms. @default 600000 */
  timeoutMs?: number;
  /** Longest pause between two streamed bytes, in ms. @default 300000 */
  idleTimeoutMs?: number;
  /** Longest Retry-After the client will wait; a longer one fails at once. @default 60000 */
  maxRetryDelayMs?: number;
}

/** Options of `client.completionModel(id, options)`: the API to use, and that API's typed options. */
export type OpenAIModelOptions = ({ api?: 'responses' } & OpenAIResponsesOptions) | ({ api: 'chat' } & OpenAIChatOptions);

/** The defaults of the OpenAI client. */
export const OPENAI_DEFAULTS = {
  baseURL: 'https://api.openai.com/v1',
  apiKeyVariable: 'OPENAI_API_KEY',
  baseURLVariable: 'OPENAI_BASE_URL',
  organizationVariable: 'OPENAI_ORG_ID',
  projectVariable: 'OPENAI_PROJECT_ID',
} as const;
