import { HttpTransport, readEnv, transportOptionsOf } from '@rig-ts/http';
import { OpenAIResponsesModel, rejectApiOption, type OpenAIResponsesOptions } from '@rig-ts/openai-wire';
import { OPENAI_DEFAULTS, type OpenAIClientOptions, type OpenAIModelOptions } from './openai-settings.js';

/**
 * An OpenAI client. Reads nothing until a request is made, so importing and constructing never throw.
 *
 * ```ts
 * import * as openai from '@rig-ts/openai';
 * const model = openai.Client.fromEnv().completionModel('gpt-4o');
 * const text = await model.prompt('Explain quantum computing');
 * const chat = openai.chatCompletionsModel(client, 'gpt-4o'); // Chat Completions
 * ```
 */
export class Client {
  /** The transport every model of this client shares. */
  readonly transport: HttpTransport;

  constructor(options: OpenAIClientOptions = {}) {
    const headers: { [name: string]: string } = {};
    const organization = options.organization ?? readEnv(OPENAI_DEFAULTS.organizationVariable);
    const project = options.project ?? readEnv(OPENAI_DEFAULTS.projectVariable);
    if (organization) headers['openai-organization'] = organization;
    if (project) headers['openai-project'] = project;
    this.transport = new HttpTransport({
      provider: 'OpenAI',
      baseURL: options.baseURL ?? readEnv(OPENAI_DEFAULTS.baseURLVariable) ?? OPENAI_DEFAULTS.baseURL,
      apiKey: () => options.apiKey ?? readEnv(OPENAI_DEFAULTS.apiKeyVariable),
      apiKeyVariables: [OPENAI_DEFAULTS.apiKeyVariable],
      headers: { ...headers, ...options.headers },
      ...transportOptionsOf(options),
    });
  }

  /** A client configured from `OPENAI_API_KEY`, `OPENAI_BASE_URL`, `OPENAI_ORG_ID` and `OPENAI_PROJECT_ID`. */
  static fromEnv(): Client {
    return new Client();
  }

  /**
   * A model on the Responses API. For Chat Completions use `chatCompletionsModel(client, modelId, options)`: a function
   * of its own, so that an app using one API bundles only that API's code.
   */
  completionModel(modelId: string, options?: OpenAIModelOptions): OpenAIResponsesModel {
    rejectApiOption(options, { api: 'responses', namespace: 'openai', modelId });
    return new OpenAIResponsesModel(modelId, {
      provider: 'openai',
      transport: this.transport,
      ...(options ? { options } : {}),
    });
  }
}
