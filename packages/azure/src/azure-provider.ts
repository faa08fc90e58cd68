import { HttpTransport, readEnv, transportOptionsOf } from '@rig-ts/http';
import { invalidRequest } from '@rig-ts/core/internal';
import { OpenAIResponsesModel, rejectApiOption } from '@rig-ts/openai-wire';
import type { AzureModelOptions } from './azure-options.js';
import { AZURE_DEFAULTS, type AzureClientOptions } from './azure-settings.js';
import { azurePath } from './azure-url.js';

const MISSING_RESOURCE = `Azure OpenAI resource is missing: pass resourceName or baseURL to new azure.Client(...) or set the ${AZURE_DEFAULTS.resourceNameVariable} environment variable`;

/**
 * An Azure OpenAI client. Model ids are deployment names. Reads nothing but the resource name until a request is
 * made, so importing and constructing never throw; a missing key or resource fails the request with a `request` error.
 *
 * ```ts
 * import * as azure from '@rig-ts/azure';
 * const client = azure.Client.fromEnv(); // AZURE_OPENAI_API_KEY (or AZURE_API_KEY), AZURE_RESOURCE_NAME
 * const model = client.completionModel('my-gpt-4o-deployment'); // Responses API
 * const chat = azure.chatCompletionsModel(client, 'my-deepseek-deployment'); // Chat Completions
 * ```
 */
export class Client {
  /** The transport every model of this client shares. */
  readonly transport: HttpTransport;
  readonly #apiVersion: string;
  readonly #useDeploymentBasedUrls: boolean;

  constructor(options: AzureClientOptions = {}) {
    const resourceName = options.resourceName ?? readEnv(AZURE_DEFAULTS.resourceNameVariable);
    const baseURL =
      options.baseURL ?? (resourceName !== undefined ? `https://${resourceName}.openai.azure.com/openai` : undefined);
    this.#useDeploymentBasedUrls = options.useDeploymentBasedUrls ?? false;
    this.#apiVersion =
      options.apiVersion ??
      (this.#useDeploymentBasedUrls ? AZURE_DEFAULTS.deploymentApiVersion : AZURE_DEFAULTS.v1ApiVersion);
    this.transport = new HttpTransport({
      provider: 'Azure OpenAI',
      // Without a resource no request may leave: reading the key fails with a request error naming the resource.
      baseURL: baseURL ?? 'https://resource-name-missing.invalid/openai',
      apiKey: () => {
        if (baseURL === undefined) throw invalidRequest(MISSING_RESOURCE, 'resourceName');
        return options.apiKey ?? AZURE_DEFAULTS.apiKeyVariables.map(readEnv).find((value) => value !== undefined);
      },
      auth: 'api-key',
      apiKeyVariables: AZURE_DEFAULTS.apiKeyVariables,
      headers: { ...options.headers },
      ...transportOptionsOf(options),
    });
  }

  /** A client configured from `AZURE_OPENAI_API_KEY` (or `AZURE_API_KEY`) and `AZURE_RESOURCE_NAME`. */
  static fromEnv(): Client {
    return new Client();
  }

  /**
   * A deployment on the Responses API. For Chat Completions use `chatCompletionsModel(client, deployment, options)`: a
   * function of its own, so that an app using one API bundles only that API's code.
   */
  completionModel(deployment: string, options?: AzureModelOptions): OpenAIResponsesModel {
    rejectApiOption(options, { api: 'responses', namespace: 'azure', modelId: deployment });
    return new OpenAIResponsesModel(deployment, {
      provider: 'azure',
      transport: this.transport,
      path: this.deploymentPath('/responses', deployment),
      ...(options ? { options } : {}),
    });
  }

  /** The path of an API (`/responses`, `/chat/completions`) for a deployment: deployment-based or v1, with the api-version. */
  deploymentPath(apiPath: '/responses' | '/chat/completions', deployment: string): string {
    return azurePath(apiPath, deployment, this.#apiVersion, this.#useDeploymentBasedUrls);
  }
}
