import { ChatProviderClient } from '@rig-ts/openai-wire';
import type { TogetherOptions } from './together-options.js';
import { TOGETHER_DEFAULTS, type TogetherClientOptions } from './together-settings.js';

/**
 * A Together AI client. Reads nothing until a request is made, so importing and constructing never throw.
 *
 * ```ts
 * import * as together from '@rig-ts/together';
 * const model = together.Client.fromEnv().completionModel('meta-llama/Llama-3.3-70B-Instruct-Turbo'); // TOGETHER_API_KEY
 * const text = await model.prompt('Explain quantum computing');
 * ```
 */
export class Client extends ChatProviderClient<TogetherOptions> {
  constructor(options: TogetherClientOptions = {}) {
    super(TOGETHER_DEFAULTS, options);
  }

  /** A client configured from `TOGETHER_API_KEY` (or `TOGETHER_AI_API_KEY`) and `TOGETHER_BASE_URL`. */
  static fromEnv(): Client {
    return new Client();
  }
}
