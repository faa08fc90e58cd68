import type { Document } from './document.js';
import type { JsonObject, ProviderOptions } from './json-value.js';
import type { Message } from './message.js';
import type { OneOrMany } from './one-or-many.js';
import type { OutputSchema } from './output-schema.js';
import type { ToolChoice } from './tool-choice.js';
import type { ToolDefinition } from './tool-definition.js';

/** Everything a provider needs for one completion call. */
export interface CompletionRequest {
  /** Use this model instead of the model's own id. */
  model?: string;
  /** System instructions. */
  preamble?: string;
  /** The conversation; the last message is the prompt. */
  chatHistory: OneOrMany<Message>;
  /** Context documents, sent as one user message before the history. */
  documents: readonly Document[];
  tools: readonly ToolDefinition[];
  toolChoice?: ToolChoice;
  temperature?: number;
  maxTokens?: number;
  /** Merged into the top level of the provider's request body, last. */
  additionalParams?: JsonObject;
  /** Ask for JSON following this schema (native structured output). */
  outputSchema?: OutputSchema;
  /** Typed options per provider, e.g. `{ anthropic: { cacheControl: … } }`. */
  providerOptions?: ProviderOptions;
}
