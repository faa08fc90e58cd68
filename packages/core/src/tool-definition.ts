import type { JsonSchema, ProviderOptions } from './json-value.js';

/** A function the model may call. */
export interface ToolDefinition {
  name: string;
  description: string;
  /** JSON Schema of the arguments object. */
  parameters: JsonSchema;
  /** Ask the provider to enforce the schema exactly where it can (OpenAI `strict`). */
  strict?: boolean;
  providerOptions?: ProviderOptions;
}
