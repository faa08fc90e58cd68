import type { JsonSchema, ValidationIssue } from '@rig-ts/core';
import type { StandardSchemaV1 } from './standard-schema.js';
import { toSchemaName, type TypedSchema, type ValidationResult } from './typed-schema.js';

/** Options of {@link fromStandardSchema}. */
export interface FromStandardSchemaOptions {
  /** The schema's name for the model. @default the JSON Schema's `title` when valid as a name, else `response_schema` */
  name?: string;
  /** @default the JSON Schema's `description` */
  description?: string;
  /** The JSON Schema to send; required for libraries that cannot export one (valibot without `@valibot/to-json-schema`). */
  jsonSchema?: JsonSchema;
}

interface SelfDescribing {
  toJsonSchema?: () => unknown;
  toJSONSchema?: () => unknown;
}

function exportJsonSchema(schema: StandardSchemaV1 & SelfDescribing): JsonSchema | undefined {
  const converter = schema['~standard'].jsonSchema;
  if (converter !== undefined) {
    // The model writes the schema's input; the library's own validation then turns it into the output.
    try {
      return converter.input({ target: 'draft-07' });
    } catch {
      return converter.input({ target: 'draft-2020-12' });
    }
  }
  const exported =
    typeof schema.toJsonSchema === 'function'
      ? schema.toJsonSchema()
      : typeof schema.toJSONSchema === 'function'
        ? schema.toJSONSchema()
        : undefined;
  return typeof exported === 'object' && exported !== null ? (exported as JsonSchema) : undefined;
}

function encodeSegment(segment: PropertyKey | StandardSchemaV1.PathSegment): string {
  const key = typeof segment === 'object' ? segment.key : segment;
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

function toIssues(issues: ReadonlyArray<StandardSchemaV1.Issue>): ValidationIssue[] {
  return issues.map((issue) => ({
    path: issue.path === undefined ? '' : issue.path.map((segment) => `/${encodeSegment(segment)}`).join(''),
    message: issue.message,
  }));
}

/**
 * A {@link TypedSchema} from any Standard Schema value (zod 4, valibot, arktype …): the library validates, and its
 * JSON Schema export (Standard JSON Schema, or arktype's / zod's own) describes the value to the model.
 * The library's validation must be synchronous.
 *
 * @example
 * const Sentiment = fromStandardSchema(z.object({ score: z.number(), label: z.string() }), { name: 'Sentiment' });
 * @throws {TypeError} when no JSON Schema can be had (pass `options.jsonSchema`).
 */
export function fromStandardSchema<Schema extends StandardSchemaV1>(
  schema: Schema,
  options: FromStandardSchemaOptions = {},
): TypedSchema<StandardSchemaV1.InferOutput<Schema>> {
  const standard = schema['~standard'];
  const exported = options.jsonSchema ?? exportJsonSchema(schema);
  if (exported === undefined) {
    throw new TypeError(
      `fromStandardSchema: the ${standard.vendor} schema${options.name ? ` "${options.name}"` : ''} cannot export a JSON Schema; pass one as options.jsonSchema`,
    );
  }
  const { $schema: _dialect, ...jsonSchema } = exported;
  const description =
    options.description ?? (typeof jsonSchema.description === 'string' ? jsonSchema.description : undefined);
  const typed: TypedSchema<StandardSchemaV1.InferOutput<Schema>> = {
    name: toSchemaName(options.name ?? (typeof jsonSchema.title === 'string' ? jsonSchema.title : undefined)),
    jsonSchema,
    validate(value): ValidationResult<StandardSchemaV1.InferOutput<Schema>> {
      const result = standard.validate(value);
      if (result instanceof Promise) {
        throw new TypeError(
          `fromStandardSchema: the ${standard.vendor} schema validates asynchronously; typed output needs synchronous validation`,
        );
      }
      return result.issues === undefined
        ? { success: true, value: result.value }
        : { success: false, issues: toIssues(result.issues) };
    },
  };
  return description === undefined ? typed : { ...typed, description };
}
