import { HttpTransport, readEnv, transportOptionsOf } from '@rig-ts/http';
import { normalizeOllamaHost } from './normalize-ollama-host.js';
import { OllamaCompletionModel } from './ollama-completion-model.js';
import type { OllamaOptions } from './ollama-options.js';
import { OLLAMA_DEFAULTS, type OllamaClientOptions } from './ollama-settings.js';

/**
 * The Ollama client: one HTTP transport shared by its models. No key is needed for a local server.
 *
 * ```ts
 * import * as ollama from '@rig-ts/ollama';
 * const model = ollama.Client.fromEnv().completionModel('llama3.2');
 * const text = await model.prompt('Explain quantum computing');
 * ```
 */
export class Client {
  readonly #transport: HttpTransport;

  constructor(options: OllamaClientOptions = {}) {
    const host = readEnv('OLLAMA_HOST');
    this.#transport = new HttpTransport({
      provider: 'Ollama',
      baseURL: options.baseURL ?? (host === undefined ? OLLAMA_DEFAULTS.baseURL : normalizeOllamaHost(host)),
      apiKey: () => options.apiKey ?? readEnv('OLLAMA_API_KEY'),
      headers: options.headers,
      ...transportOptionsOf(options),
    });
  }

  /** A client configured from OLLAMA_HOST (default `http://127.0.0.1:11434`) and, when set, OLLAMA_API_KEY. */
  static fromEnv(): Client {
    return new Client();
  }

  /** A model of this server, e.g. `llama3.2`, `qwen3:8b` or `gpt-oss:20b`. */
  completionModel(modelId: string, options?: OllamaOptions): OllamaCompletionModel {
    return new OllamaCompletionModel(modelId, this.#transport, options);
  }
}
