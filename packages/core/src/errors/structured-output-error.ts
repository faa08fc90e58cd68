import type { CompletionError } from './completion-error.js';
import { errorUnion } from './error-union.js';
import type { PromptError } from './prompt-error.js';
import type { RigError, RigErrorOptions } from './rig-error.js';

/** One problem a validator found. */
export interface ValidationIssue {
  /** JSON Pointer to the offending value (`''` for the root). */
  path: string;
  message: string;
  /** The schema keyword that failed, where the validator reports one. */
  keyword?: string;
}

/** The fields of each kind of {@link StructuredOutputError}. */
export type StructuredOutputErrorFields =
  /** The call itself failed. */
  | { kind: 'completion'; cause: CompletionError | PromptError }
  /** The output held no parseable JSON value. */
  | { kind: 'json'; rawText: string }
  /** The JSON did not match the schema. */
  | { kind: 'validation'; rawText: string; value: unknown; errors: ValidationIssue[] }
  /** The model returned no text. */
  | { kind: 'empty'; rawText?: string };

/** Constructor arguments of {@link StructuredOutputError}. */
export type StructuredOutputErrorOptions = RigErrorOptions & StructuredOutputErrorFields;

/** Typed output could not be produced. Discriminated on `kind`: `completion`, `json`, `validation`, `empty`. */
export type StructuredOutputError = RigError & StructuredOutputErrorFields;

/** Creates and recognizes {@link StructuredOutputError}s. */
export const StructuredOutputError = /* @__PURE__ */ errorUnion<
  StructuredOutputErrorFields,
  StructuredOutputErrorOptions
>('StructuredOutputError');
