import { ChatProviderClient } from '@rig-ts/openai-wire';
import type { OpenRouterOptions } from './openrouter-options.js';
import { OPENROUTER_DEFAULTS, type OpenRouterClientOptions } from './openrouter-settings.js';

function attribution(options: OpenRouterClientOptions): { [name: string]: string } {
  const headers: { [name: string]: string } = {};
  if (options.appURL !== undefined) headers['http-referer'] = options.appURL;
  if (options.appName !== undefined) headers['x-title'] = options.appName;
  return headers;
}

/**
 * An OpenRouter client. Reads nothing until a request is made, so importing and constructing never throw.
 *
 * ```ts
 * import * as openrouter from '@rig-ts/openrouter';
 * const model = openrouter.Client.fromEnv().completionModel('anthropic/claude-sonnet-4.5'); // OPENROUTER_API_KEY
 * const text = await model.prompt('Explain quantum computing');
 * ```
 */
export class Client extends ChatProviderClient<OpenRouterOptions> {
  constructor(options: OpenRouterClientOptions = {}) {
    const { appName: _appName, appURL: _appURL, ...clientOptions } = options;
    super(OPENROUTER_DEFAULTS, { ...clientOptions, headers: { ...attribution(options), ...options.headers } });
  }

  /** A client configured from `OPENROUTER_API_KEY` and `OPENROUTER_BASE_URL`. */
  static fromEnv(): Client {
    return new Client();
  }
}
