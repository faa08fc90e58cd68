import { ChatProviderClient } from '@rig-ts/openai-wire';
import type { PerplexityOptions } from './perplexity-options.js';
import { PERPLEXITY_DEFAULTS, type PerplexityClientOptions } from './perplexity-settings.js';

/**
 * A Perplexity client. Reads nothing until a request is made, so importing and constructing never throw.
 *
 * ```ts
 * import * as perplexity from '@rig-ts/perplexity';
 * const model = perplexity.Client.fromEnv().completionModel('model-id'); // PERPLEXITY_API_KEY
 * const text = await model.prompt('Explain quantum computing');
 * ```
 */
export class Client extends ChatProviderClient<PerplexityOptions> {
  constructor(options: PerplexityClientOptions = {}) {
    super(PERPLEXITY_DEFAULTS, options);
  }

  /** A client configured from `PERPLEXITY_API_KEY` and `PERPLEXITY_BASE_URL`. */
  static fromEnv(): Client {
    return new Client();
  }
}
