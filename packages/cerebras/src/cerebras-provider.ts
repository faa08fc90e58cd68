import { ChatProviderClient } from '@rig-ts/openai-wire';
import type { CerebrasOptions } from './cerebras-options.js';
import { CEREBRAS_DEFAULTS, type CerebrasClientOptions } from './cerebras-settings.js';

/**
 * A Cerebras client. Reads nothing until a request is made, so importing and constructing never throw.
 *
 * ```ts
 * import * as cerebras from '@rig-ts/cerebras';
 * const model = cerebras.Client.fromEnv().completionModel('model-id'); // CEREBRAS_API_KEY
 * const text = await model.prompt('Explain quantum computing');
 * ```
 */
export class Client extends ChatProviderClient<CerebrasOptions> {
  constructor(options: CerebrasClientOptions = {}) {
    super(CEREBRAS_DEFAULTS, options);
  }

  /** A client configured from `CEREBRAS_API_KEY` and `CEREBRAS_BASE_URL`. */
  static fromEnv(): Client {
    return new Client();
  }
}
