import type { JsonSchema, ValidationIssue } from '@rig-ts/core';
import type { PartialValue } from '@rig-ts/streaming';

/** What a validator says about a value: the typed value, or the problems found. */
export type ValidationResult<T> = { success: true; value: T } | { success: false; issues: ValidationIssue[] };

/**
 * A schema for typed output: the JSON Schema sent to the model (native structured output) and the validator its
 * answer must pass. Made by `rig-schema` at build time (`@rig-ts/schema-gen`), by `jsonSchema()` from
 * `@rig-ts/typed/ajv` at run time, or by {@link fromStandardSchema} from a zod, valibot or arktype schema.
 */
export interface TypedSchema<T> {
  /** The schema's name, e.g. `SentimentAnalysis` (valid as an OpenAI schema name: `[A-Za-z0-9_-]{1,64}`). */
  readonly name: string;
  /** What the value is, for the model. */
  readonly description?: string;
  /** The JSON Schema of the value. */
  readonly jsonSchema: JsonSchema;
  /** Checks a parsed JSON value. */
  validate(value: unknown): ValidationResult<T>;
}

/** The type a {@link TypedSchema} describes. */
export type InferTyped<Schema> = Schema extends TypedSchema<infer T> ? T : never;

/** The JSON form of `T`: `Date` becomes its ISO 8601 string (`format: date-time`), as `rig-schema` generates it. */
export type JsonOf<T> = T extends Date ? string : T extends object ? { [Key in keyof T]: JsonOf<T[Key]> } : T;

/** A value being streamed: every property and nested property may still be missing (`PartialValue` of `@rig-ts/streaming`). */
export type DeepPartial<T> = PartialValue<T>;

const SCHEMA_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** `name` made valid as a schema name (`[A-Za-z0-9_-]{1,64}`); `response_schema` when nothing is left. */
export function toSchemaName(name: string | undefined): string {
  if (name !== undefined && SCHEMA_NAME.test(name)) return name;
  const cleaned = (name ?? '')
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 64);
  return cleaned === '' ? 'response_schema' : cleaned;
}
