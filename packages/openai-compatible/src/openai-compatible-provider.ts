import type { HttpTransport } from '@rig-ts/http';
import {
  ChatProviderClient,
  rejectApiOption,
  type ChatProviderDefinition,
  type OpenAIChatModel,
  type OpenAIChatOptions,
} from '@rig-ts/openai-wire';
import {
  OPENAI_COMPATIBLE_DEFAULTS,
  type OpenAICompatibleClientOptions,
  type OpenAICompatibleModelOptions,
} from './openai-compatible-settings.js';

function definitionOf(options: OpenAICompatibleClientOptions): ChatProviderDefinition {
  const definition: ChatProviderDefinition = {
    provider: options.name,
    displayName: options.displayName ?? options.name,
    baseURL: options.baseURL,
    path: options.chatPath ?? OPENAI_COMPATIBLE_DEFAULTS.chatPath,
    quirks: { ...OPENAI_COMPATIBLE_DEFAULTS.quirks, ...options.quirks },
  };
  if (options.apiKeyVariable !== undefined) definition.apiKeyVariables = [options.apiKeyVariable];
  if (options.auth !== undefined) definition.auth = options.auth;
  return definition;
}

/**
 * A client for any server that speaks OpenAI's Chat Completions (and, for those that do, the Responses API). Reads
 * nothing until a request is made, so constructing never throws.
 *
 * ```ts
 * import * as compatible from '@rig-ts/openai-compatible';
 * const client = new compatible.Client({ name: 'vllm', baseURL: 'http://localhost:8000/v1' });
 * const text = await client.completionModel('Qwen/Qwen3-8B').prompt('Explain quantum computing');
 * const responses = compatible.responsesModel(client, 'openai/gpt-oss-20b'); // a server's Responses API
 * ```
 */
export class Client {
  /** The transport every model of this client shares. */
  readonly transport: HttpTransport;
  /** The provider definition made from the options (name, base URL, key variable, path, quirks). */
  readonly definition: ChatProviderDefinition;
  /** The path of the server's Responses API, for `responsesModel(client, id)`. @default '/responses' */
  readonly responsesPath: string;
  readonly #chat: ChatProviderClient<OpenAIChatOptions>;

  constructor(options: OpenAICompatibleClientOptions) {
    this.definition = definitionOf(options);
    this.#chat = new ChatProviderClient(this.definition, options);
    this.transport = this.#chat.transport;
    this.responsesPath = options.responsesPath ?? OPENAI_COMPATIBLE_DEFAULTS.responsesPath;
  }

  /**
   * A model on the server's Chat Completions endpoint. For a server's Responses API use
   * `responsesModel(client, modelId, options)`: a function of its own, so that an app using one API bundles only that
   * API's code.
   */
  completionModel(modelId: string, options?: OpenAICompatibleModelOptions): OpenAIChatModel {
    rejectApiOption(options, { api: 'chat', namespace: 'compatible', modelId });
    return this.#chat.completionModel(modelId, options);
  }
}
