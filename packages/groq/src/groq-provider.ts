import { ChatProviderClient } from '@rig-ts/openai-wire';
import type { GroqOptions } from './groq-options.js';
import { GROQ_DEFAULTS, type GroqClientOptions } from './groq-settings.js';

/**
 * A Groq client. Reads nothing until a request is made, so importing and constructing never throw.
 *
 * ```ts
 * import * as groq from '@rig-ts/groq';
 * const model = groq.Client.fromEnv().completionModel('model-id'); // GROQ_API_KEY
 * const text = await model.prompt('Explain quantum computing');
 * ```
 */
export class Client extends ChatProviderClient<GroqOptions> {
  constructor(options: GroqClientOptions = {}) {
    super(GROQ_DEFAULTS, options);
  }

  /** A client configured from `GROQ_API_KEY` and `GROQ_BASE_URL`. */
  static fromEnv(): Client {
    return new Client();
  }
}
