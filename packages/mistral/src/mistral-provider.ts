import { ChatProviderClient } from '@rig-ts/openai-wire';
import type { MistralOptions } from './mistral-options.js';
import { MISTRAL_DEFAULTS, type MistralClientOptions } from './mistral-settings.js';

/**
 * A Mistral client. Reads nothing until a request is made, so importing and constructing never throw.
 *
 * ```ts
 * import * as mistral from '@rig-ts/mistral';
 * const model = mistral.Client.fromEnv().completionModel('model-id'); // MISTRAL_API_KEY
 * const text = await model.prompt('Explain quantum computing');
 * ```
 */
export class Client extends ChatProviderClient<MistralOptions> {
  constructor(options: MistralClientOptions = {}) {
    super(MISTRAL_DEFAULTS, options);
  }

  /** A client configured from `MISTRAL_API_KEY` and `MISTRAL_BASE_URL`. */
  static fromEnv(): Client {
    return new Client();
  }
}
