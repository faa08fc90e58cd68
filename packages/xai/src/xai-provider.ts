import { ChatProviderClient } from '@rig-ts/openai-wire';
import type { XaiOptions } from './xai-options.js';
import { XAI_DEFAULTS, type XaiClientOptions } from './xai-settings.js';

/**
 * A xAI client. Reads nothing until a request is made, so importing and constructing never throw.
 *
 * ```ts
 * import * as xai from '@rig-ts/xai';
 * const model = xai.Client.fromEnv().completionModel('model-id'); // XAI_API_KEY
 * const text = await model.prompt('Explain quantum computing');
 * ```
 */
export class Client extends ChatProviderClient<XaiOptions> {
  constructor(options: XaiClientOptions = {}) {
    super(XAI_DEFAULTS, options);
  }

  /** A client configured from `XAI_API_KEY` and `XAI_BASE_URL`. */
  static fromEnv(): Client {
    return new Client();
  }
}
