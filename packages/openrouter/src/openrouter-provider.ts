import { ChatProviderClient } from '@rig-ts/openai-wire';
import type { OpenrouterOptions } from './openrouter-options.js';
import { OPENROUTER_DEFAULTS, type OpenrouterClientOptions } from './openrouter-settings.js';

/**
 * A OpenRouter client. Reads nothing until a request is made, so importing and constructing never throw.
 *
 * ```ts
 * import * as openrouter from '@rig-ts/openrouter';
 * const model = openrouter.Client.fromEnv().completionModel('model-id'); // OPENROUTER_API_KEY
 * const text = await model.prompt('Explain quantum computing');
 * ```
 */
export class Client extends ChatProviderClient<OpenrouterOptions> {
  constructor(options: OpenrouterClientOptions = {}) {
    super(OPENROUTER_DEFAULTS, options);
  }

  /** A client configured from `OPENROUTER_API_KEY` and `OPENROUTER_BASE_URL`. */
  static fromEnv(): Client {
    return new Client();
  }
}
