import { ChatProviderClient, rejectApiOption, type OpenAIChatModel } from '@rig-ts/openai-wire';
import type { XAIOptions } from './xai-options.js';
import { XAI_DEFAULTS, type XAIClientOptions } from './xai-settings.js';

/**
 * An xAI client. Reads nothing until a request is made, so importing and constructing never throw.
 *
 * ```ts
 * import * as xai from '@rig-ts/xai';
 * const client = xai.Client.fromEnv(); // XAI_API_KEY
 * const chat = client.completionModel('grok-3-mini'); // Chat Completions
 * const responses = xai.responsesModel(client, 'grok-4-fast-reasoning'); // Responses API
 * ```
 */
export class Client extends ChatProviderClient<XAIOptions> {
  constructor(options: XAIClientOptions = {}) {
    super(XAI_DEFAULTS, options);
  }

  /** A client configured from `XAI_API_KEY` and `XAI_BASE_URL`. */
  static fromEnv(): Client {
    return new Client();
  }

  /**
   * A model on Chat Completions. For xAI's Responses API use `responsesModel(client, modelId, options)`: a function of
   * its own, so that an app using one API bundles only that API's code.
   */
  override completionModel(modelId: string, options?: XAIOptions): OpenAIChatModel {
    rejectApiOption(options, { api: 'chat', namespace: 'xai', modelId });
    return super.completionModel(modelId, options);
  }
}
