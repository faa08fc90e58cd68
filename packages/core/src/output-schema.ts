import type { JsonSchema } from './json-value.js';

/** The JSON Schema the model's answer must follow (native structured output). */
export interface OutputSchema {
  /** A name for the schema (OpenAI requires one). @default 'response_schema' */
  name: string;
  description?: string;
  schema: JsonSchema;
}

/** What `outputSchema()` accepts: a JSON Schema, or anything with `name` and `jsonSchema` (a `TypedSchema`). */
export type OutputSchemaInput = JsonSchema | { name: string; jsonSchema: JsonSchema; description?: string };

/** Normalizes an {@link OutputSchemaInput}. */
export function toOutputSchema(input: OutputSchemaInput): OutputSchema {
  if (typeof input.jsonSchema === 'object' && input.jsonSchema !== null && typeof input.name === 'string') {
    const typed = input as { name: string; jsonSchema: JsonSchema; description?: string };
    return typed.description === undefined
      ? { name: typed.name, schema: typed.jsonSchema }
      : { name: typed.name, description: typed.description, schema: typed.jsonSchema };
  }
  const schema = input as JsonSchema;
  const title =
    typeof schema.title === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(schema.title) ? schema.title : 'response_schema';
  return { name: title, schema };
}
