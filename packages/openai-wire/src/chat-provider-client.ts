import { HttpTransport, readEnv, transportOptionsOf, type AuthScheme, type ClientTransportOptions } from '@rig-ts/http';
import type { ProviderErrorReader } from './chat/chat-provider-error.js';
import { OpenAIChatModel } from './chat/openai-chat-model.js';
import type { OpenAIChatOptions } from './chat/openai-chat-options.js';
import type { ChatQuirks } from './chat/openai-chat-quirks.js';

/** Who a Chat-Completions provider is: its name, where it lives, how it is reached, how it departs from OpenAI. */
export interface ChatProviderDefinition {
  /** The provider name on models and in `providerOptions`, e.g. `deepseek`. */
  provider: string;
  /** The name used in error messages, e.g. `DeepSeek`. */
  displayName: string;
  /** The default base URL (the Chat Completions path is appended). */
  baseURL: string;
  /** The environment variable(s) holding the key, first found wins; none means no key is required. */
  apiKeyVariables?: readonly string[];
  /** The environment variable that overrides the base URL. */
  baseURLVariable?: string;
  /** @default 'bearer' */
  auth?: AuthScheme;
  /** Headers every request carries. */
  headers?: { [name: string]: string };
  /** @default '/chat/completions' */
  path?: string;
  quirks?: Partial<ChatQuirks>;
  /** Extra typed options and the body field each is sent as (`[['randomSeed', 'random_seed']]`). */
  optionFields?: readonly (readonly [option: string, field: string])[];
  /** Reads the provider's error from a JSON body (HTTP errors, and errors inside 200 bodies and streams). @default extractProviderError */
  parseError?: ProviderErrorReader;
}

/** Options of a Chat-Completions provider client. Explicit values win, then the environment, then the defaults. */
export interface ChatProviderClientOptions extends ClientTransportOptions {
  /** The API key. @default read from the provider's variable when a request is made */
  apiKey?: string | undefined;
  /** @default the provider's base URL, or its base-URL variable */
  baseURL?: string | undefined;
}

/** A client for a Chat-Completions provider; the presets and `@rig-ts/openai-compatible` are built on it. */
export class ChatProviderClient<Options extends object = OpenAIChatOptions> {
  /** Who the provider is: name, base URL, key variables, path, quirks. */
  readonly definition: ChatProviderDefinition;
  /** The transport every model of this client shares. */
  readonly transport: HttpTransport;

  constructor(definition: ChatProviderDefinition, options: ChatProviderClientOptions = {}) {
    this.definition = definition;
    const variables = definition.apiKeyVariables ?? [];
    this.transport = new HttpTransport({
      provider: definition.displayName,
      baseURL:
        options.baseURL ??
        (definition.baseURLVariable ? readEnv(definition.baseURLVariable) : undefined) ??
        definition.baseURL,
      apiKey: () => options.apiKey ?? variables.map(readEnv).find((value) => value !== undefined),
      auth: definition.auth ?? 'bearer',
      // A provider without key variables (a local server) sends calls without a key; the others fail without one.
      ...(variables.length > 0 ? { apiKeyVariables: variables } : {}),
      headers: { ...definition.headers, ...options.headers },
      ...(definition.parseError ? { parseError: definition.parseError } : {}),
      ...transportOptionsOf(options),
    });
  }

  /** A model on this provider's Chat Completions endpoint, with typed model-level options. */
  completionModel(modelId: string, options?: Options): OpenAIChatModel {
    const definition = this.definition;
    return new OpenAIChatModel(modelId, {
      provider: definition.provider,
      transport: this.transport,
      ...(definition.path ? { path: definition.path } : {}),
      ...(definition.quirks ? { quirks: definition.quirks } : {}),
      ...(definition.optionFields ? { optionFields: definition.optionFields } : {}),
      ...(options ? { options: options as OpenAIChatOptions } : {}),
    });
  }
}
