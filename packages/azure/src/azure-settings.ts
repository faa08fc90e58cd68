import type { ClientTransportOptions } from '@rig-ts/http';

/**
 * Options of the Azure OpenAI {@link Client}. Explicit values win, then the environment, then {@link AZURE_DEFAULTS}.
 */
export interface AzureClientOptions extends ClientTransportOptions {
  /** The API key, sent in the `api-key` header. @default `AZURE_OPENAI_API_KEY`, else `AZURE_API_KEY`, read when a request is made */
  apiKey?: string | undefined;
  /** The Azure OpenAI resource: URLs start with `https://{resourceName}.openai.azure.com/openai`. @default process.env.AZURE_RESOURCE_NAME */
  resourceName?: string;
  /** The URL prefix up to and including `/openai` (a proxy, or another cloud); wins over `resourceName`. */
  baseURL?: string | undefined;
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
}

/** The defaults of the Azure OpenAI client. */
export const AZURE_DEFAULTS = {
  apiKeyVariables: ['AZURE_OPENAI_API_KEY', 'AZURE_API_KEY'],
  resourceNameVariable: 'AZURE_RESOURCE_NAME',
  v1ApiVersion: 'v1',
  deploymentApiVersion: '2025-04-01-preview',
} as const;
