import type { AuthScheme, ClientTransportOptions } from '@rig-ts/http';
import type { ChatQuirks, OpenAIChatOptions, OpenAIResponsesOptions } from '@rig-ts/openai-wire';

/** Options of the OpenAI-compatible {@link Client}: which server, how to reach it, and how it departs from OpenAI. */
export interface OpenAICompatibleClientOptions extends ClientTransportOptions {
  /** The provider name on models and in `providerOptions`, e.g. `vllm`. */
  name: string;
  /** The name in error messages. @default name */
  displayName?: string;
  /** The server's base URL; `/chat/completions` (or `/responses`) is appended, e.g. `http://localhost:8000/v1`. */
  baseURL: string;
  /** The API key. @default read from `apiKeyVariable` when a request is made; none is sent when neither is set */
  apiKey?: string | undefined;
  /** The environment variable holding the key; when set, a missing key fails each request with a `request` error. */
  apiKeyVariable?: string;
  /** How the key is sent. @default 'bearer' */
  auth?: AuthScheme;
  /** @default '/chat/completions' */
  chatPath?: string;
  /** @default '/responses' */
  responsesPath?: string;
  /** How the server departs from OpenAI's Chat Completions, over {@link OPENAI_COMPATIBLE_DEFAULTS}' quirks. */
  quirks?: Partial<ChatQuirks>;
}

/**
 * Options of `client.completionModel(id, options)` (Chat Completions). Responses API models come from
 * `responsesModel(client, id, options)` and take `OpenAIResponsesOptions`.
 */
export type OpenAICompatibleModelOptions = OpenAIChatOptions;

/**
 * The defaults of an OpenAI-compatible server, chosen to work with most of them: `max_tokens` and `system` (every
 * server takes them), reasoning sent back in `reasoning_content` when `sendReasoning` is on, usage asked for in
 * streams, tool choice, JSON schemas without strict mode, a stream ending with `[DONE]`.
 */
export const OPENAI_COMPATIBLE_DEFAULTS = {
  chatPath: '/chat/completions',
  responsesPath: '/responses',
  quirks: {
    reasoningField: 'reasoning_content',
    sendReasoning: false,
    maxTokensField: 'max_tokens',
    systemRole: 'system',
    streamUsage: true,
    tools: true,
    toolChoice: true,
    structuredOutput: 'json_schema',
    strict: false,
    imageToolResults: false,
    requireDone: true,
  } satisfies ChatQuirks,
} as const;
