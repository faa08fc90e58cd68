import type { JsonSchema } from '@rig-ts/core';
import { toValidationIssues, type AjvErrorLike } from './to-validation-issues.js';
import type { TypedSchema } from './typed-schema.js';

/** An ajv validate function (compiled at run time, or ahead of time as standalone code): its verdict, then `errors`. */
export interface AjvValidatorLike {
  (value: unknown): boolean;
  /** The errors of the last call that returned `false`. */
  errors?: readonly AjvErrorLike[] | null | undefined;
}

/** What {@link fromAjvValidator} needs besides the validator. */
export interface FromAjvValidatorOptions {
  /** The schema's name for the model, valid as a schema name (`[A-Za-z0-9_-]{1,64}`: see `toSchemaName`). */
  name: string;
  /** What the value is, for the model. @default none */
  description?: string | undefined;
  /** The JSON Schema the validator was compiled from. */
  jsonSchema: JsonSchema;
}

/**
 * A {@link TypedSchema} over an ajv validate function: its issues are ajv's errors as `toValidationIssues` words them.
 * The modules `rig-schema` generates call it with their ahead-of-time compiled validators, and `jsonSchema()` of
 * `@rig-ts/typed/ajv` with the one it compiles; it holds no compiler itself.
 *
 * @example
 * const Person = fromAjvValidator<{ name: string }>(validatePerson, { name: 'Person', jsonSchema: personSchema });
 */
export function fromAjvValidator<T>(validator: AjvValidatorLike, options: FromAjvValidatorOptions): TypedSchema<T> {
  const typed: TypedSchema<T> = {
    name: options.name,
    jsonSchema: options.jsonSchema,
    validate(value) {
      return validator(value)
        ? { success: true, value: value as T }
        : { success: false, issues: toValidationIssues(validator.errors) };
    },
  };
  return options.description === undefined ? typed : { ...typed, description: options.description };
}
