import { HttpTransport, readEnv, transportOptionsOf } from '@rig-ts/http';
import { AnthropicCompletionModel } from './anthropic-completion-model.js';
import type { AnthropicOptions } from './anthropic-options.js';
import { ANTHROPIC_DEFAULTS, type AnthropicClientOptions } from './anthropic-settings.js';

/**
 * A client of the Anthropic Messages API. The key is read when a request is made, so creating a client never throws.
 * @example
 * const model = anthropic.Client.fromEnv().completionModel('claude-sonnet-4-5');
 * await model.prompt('Explain quantum computing');
 */
export class Client {
  /** The transport every model of this client shares. */
  readonly transport: HttpTransport;

  constructor(options: AnthropicClientOptions = {}) {
    const headers: { [name: string]: string } = {
      'anthropic-version': options.anthropicVersion ?? ANTHROPIC_DEFAULTS.anthropicVersion,
    };
    const beta = typeof options.beta === 'string' ? options.beta : options.beta?.join(',');
    if (beta) headers['anthropic-beta'] = beta;
    this.transport = new HttpTransport({
      provider: 'Anthropic',
      baseURL: options.baseURL ?? readEnv(ANTHROPIC_DEFAULTS.baseURLVariable) ?? ANTHROPIC_DEFAULTS.baseURL,
      apiKey: () => options.apiKey ?? readEnv(ANTHROPIC_DEFAULTS.apiKeyVariable),
      auth: 'x-api-key',
      apiKeyVariables: [ANTHROPIC_DEFAULTS.apiKeyVariable],
      headers: { ...headers, ...options.headers },
      ...transportOptionsOf(options),
    });
  }

  /** A client configured from `ANTHROPIC_API_KEY` (read at each request) and `ANTHROPIC_BASE_URL`. */
  static fromEnv(): Client {
    return new Client();
  }

  /** A completion model, e.g. `'claude-sonnet-4-5'`, with default options for its requests. */
  completionModel(modelId: string, options: AnthropicOptions = {}): AnthropicCompletionModel {
    return new AnthropicCompletionModel(modelId, this.transport, options);
  }
}
