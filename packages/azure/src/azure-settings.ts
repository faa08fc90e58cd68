/**
 * Options of the Azure OpenAI {@link Client}. Explicit values win, then the environment, then {@link AZURE_DEFAULTS}.
 */
export interface AzureClientOptions {
  /** The API key, sent in the `api-key` header. @default `AZURE_OPENAI_API_KEY`, else `AZURE_API_KEY`, read when a request is made */
  apiKey?: string;
  /** The Azure OpenAI resource: URLs start with `https://{resourceName}.openai.azure.com/openai`. @default process.env.AZURE_RESOURCE_NAME */
  resourceName?: string;
  /** The URL prefix up to and including `/openai` (a proxy, or another cloud); wins over `resourceName`. */
  baseURL?: string;
  /**
   * The `api-version` query parameter.
   * @default 'v1' on v1 URLs, '2025-04-01-preview' on deployment URLs
   */
  apiVersion?: string;
  /**
   * Use deployment URLs (`{baseURL}/deployments/{deployment}/chat/completions?api-version=…`) instead of the v1 URLs
   * (`{baseURL}/v1/chat/completions?api-version=v1`), for resources or models that only have the older API.
   * @default false
   */
  useDeploymentBasedUrls?: boolean;
  /** Headers sent with every request. */
  headers?: { [name: string]: string };
  /** The `fetch` to use. @default globalThis.fetch */
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

/** The defaults of the Azure OpenAI client. */
export const AZURE_DEFAULTS = {
  apiKeyVariables: ['AZURE_OPENAI_API_KEY', 'AZURE_API_KEY'],
  resourceNameVariable: 'AZURE_RESOURCE_NAME',
  v1ApiVersion: 'v1',
  deploymentApiVersion: '2025-04-01-preview',
} as const;
