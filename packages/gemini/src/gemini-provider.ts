import { HttpTransport, readEnv, transportOptionsOf } from '@rig-ts/http';
import { GeminiCompletionModel } from './gemini-completion-model.js';
import type { GeminiOptions } from './gemini-options.js';
import { GEMINI_DEFAULTS, type GeminiClientOptions } from './gemini-settings.js';

/**
 * The Gemini API client: one HTTP transport shared by its models.
 *
 * ```ts
 * import * as gemini from '@rig-ts/gemini';
 * const model = gemini.Client.fromEnv().completionModel('gemini-2.5-flash');
 * const text = await model.prompt('Explain quantum computing');
 * ```
 */
export class Client {
  /** The transport every model of this client shares. */
  readonly transport: HttpTransport;

  constructor(options: GeminiClientOptions = {}) {
    this.transport = new HttpTransport({
      provider: 'Gemini',
      baseURL: options.baseURL ?? readEnv('GEMINI_BASE_URL') ?? GEMINI_DEFAULTS.baseURL,
      apiKey: () => options.apiKey ?? readEnv('GEMINI_API_KEY') ?? readEnv('GOOGLE_API_KEY'),
      auth: 'x-goog-api-key',
      apiKeyVariables: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
      headers: options.headers,
      ...transportOptionsOf(options),
    });
  }

  /** A client configured from GEMINI_API_KEY (else GOOGLE_API_KEY, read at each request) and GEMINI_BASE_URL. */
  static fromEnv(): Client {
    return new Client();
  }

  /** A model of this client, e.g. `gemini-2.5-flash` (or a full resource name such as `tunedModels/…`). */
  completionModel(modelId: string, options?: GeminiOptions): GeminiCompletionModel {
    return new GeminiCompletionModel(modelId, this.transport, options);
  }
}
