import type { HttpTransport } from '@rig-ts/http';
import { ChatProviderClient, chatProviderResponsesModel, type OpenAIChatModel, type OpenAIResponsesModel, type OpenAIResponsesOptions } from '@rig-ts/openai-wire';
import type { XAIModelOptions, XAIOptions } from './xai-options.js';
import { XAI_DEFAULTS, type XAIClientOptions } from './xai-settings.js';

/**
 * An xAI client. Reads nothing until a request is made, so importing and constructing never throw.
 *
 * ```ts
 * import * as xai from '@rig-ts/xai';
 * const client = xai.Client.fromEnv(); // XAI_API_KEY
 * const chat = client.completionModel('grok-3-mini'); // Chat Completions
 * const responses = client.completionModel('grok-4-fast-reasoning', { api: 'responses' }); // Responses API
 * ```
 */
export class Client {
  /** The transport every model of this client shares. */
  readonly transport: HttpTransport;
  readonly #chat: ChatProviderClient<XAIOptions>;

  constructor(options: XAIClientOptions = {}) {
    this.#chat = new ChatProviderClient<XAIOptions>(XAI_DEFAULTS, options);
    this.transport = this.#chat.transport;
  }

  /** A client configured from `XAI_API_KEY` and `XAI_BASE_URL`. */
  static fromEnv(): Client {
    return new Client();
  }

  /** A model on Chat Completions (the default). */
  completionModel(modelId: string, options?: { api?: 'chat' } & XAIOptions): OpenAIChatModel;
  /** A model on xAI's Responses API. */
  completionModel(modelId: string, options: { api: 'responses' } & OpenAIResponsesOptions): OpenAIResponsesModel;
  completionModel(modelId: string, options: XAIModelOptions = {}): OpenAIChatModel | OpenAIResponsesModel {
    if (options.api === 'responses') {
      const { api: _api, ...responsesOptions } = options;
      return chatProviderResponsesModel(this.#chat, modelId, responsesOptions);
    }
    const { api: _api, ...chatOptions } = options;
    return this.#chat.completionModel(modelId, chatOptions);
  }
}
