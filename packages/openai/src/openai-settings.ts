import type { ClientTransportOptions } from '@rig-ts/http';
import type { OpenAIResponsesOptions } from '@rig-ts/openai-wire';

/** Options of {@link Client}. Explicit values win, then the environment, then the defaults. */
export interface OpenAIClientOptions extends ClientTransportOptions {
  /** The API key. @default process.env.OPENAI_API_KEY, read when a request is made */
  apiKey?: string | undefined;
  /** @default process.env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1' */
  baseURL?: string | undefined;
  /** Sent as `OpenAI-Organization`. @default process.env.OPENAI_ORG_ID */
  organization?: string;
  /** Sent as `OpenAI-Project`. @default process.env.OPENAI_PROJECT_ID */
  project?: string;
}

/**
 * Options of `client.completionModel(id, options)` (the Responses API). Chat Completions models come from
 * `chatCompletionsModel(client, id, options)` and take `OpenAIChatOptions`.
 */
export type OpenAIModelOptions = OpenAIResponsesOptions;

/** The defaults of the OpenAI client. */
export const OPENAI_DEFAULTS = {
  baseURL: 'https://api.openai.com/v1',
  apiKeyVariable: 'OPENAI_API_KEY',
  baseURLVariable: 'OPENAI_BASE_URL',
  organizationVariable: 'OPENAI_ORG_ID',
  projectVariable: 'OPENAI_PROJECT_ID',
} as const;
