import { ChatProviderClient } from '@rig-ts/openai-wire';
import type { DeepSeekOptions } from './deepseek-options.js';
import { DEEPSEEK_DEFAULTS, type DeepSeekClientOptions } from './deepseek-settings.js';

/**
 * A DeepSeek client. Reads nothing until a request is made, so importing and constructing never throw.
 *
 * ```ts
 * import * as deepseek from '@rig-ts/deepseek';
 * const model = deepseek.Client.fromEnv().completionModel('deepseek-chat'); // DEEPSEEK_API_KEY
 * const text = await model.prompt('Explain quantum computing');
 * ```
 */
export class Client extends ChatProviderClient<DeepSeekOptions> {
  constructor(options: DeepSeekClientOptions = {}) {
    super(DEEPSEEK_DEFAULTS, options);
  }

  /** A client configured from `DEEPSEEK_API_KEY` and `DEEPSEEK_BASE_URL`. */
  static fromEnv(): Client {
    return new Client();
  }
}
