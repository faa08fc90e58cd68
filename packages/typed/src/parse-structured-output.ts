import { StructuredOutputError, type ValidationIssue } from '@rig-ts/core';
import { isNestedDeeperThan, MAX_JSON_NESTING } from './json-nesting.js';
import { dropOptionalNulls } from './drop-optional-nulls.js';
import { parseJsonText } from './parse-json-text.js';
import type { TypedSchema } from './typed-schema.js';

/** The result of {@link parseStructuredOutput}: the validated value, or the error to throw (kind `json`, `validation` or `empty`). */
export type StructuredOutputResult<T> = { success: true; value: T } | { success: false; error: StructuredOutputError };

const MAX_ISSUES_IN_MESSAGE = 10;

function excerpt(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** `/score must be <= 1; (root) must have required property 'label'` */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  const shown = issues
    .slice(0, MAX_ISSUES_IN_MESSAGE)
    .map((issue) => `${issue.path === '' ? '(root)' : issue.path} ${issue.message}`);
  if (issues.length > MAX_ISSUES_IN_MESSAGE) shown.push(`and ${issues.length - MAX_ISSUES_IN_MESSAGE} more`);
  return shown.join('; ');
}

/**
 * Validates an already parsed value (a tool call's arguments, say) against `schema`, after dropping the `null`s a
 * strict-mode model writes for optional properties. A value nested more than 256 levels deep fails without being
 * walked. `rawText` is what the error reports as the model's output.
 */
export function validateStructuredValue<T>(
  schema: TypedSchema<T>,
  value: unknown,
  rawText: string,
): StructuredOutputResult<T> {
  // Checking a value walks it recursively: one nested thousands of levels deep would overflow the stack.
  if (isNestedDeeperThan(value)) {
    const issue = { path: '', message: `is nested deeper than ${MAX_JSON_NESTING} levels` };
    return {
      success: false,
      error: new StructuredOutputError({
        kind: 'validation',
        message: `the model's answer does not match the schema "${schema.name}": ${formatIssues([issue])}`,
        rawText,
        value,
        errors: [issue],
      }),
    };
  }
  const cleaned = dropOptionalNulls(value, schema.jsonSchema);
  const result = schema.validate(cleaned);
  if (result.success) return result;
  return {
    success: false,
    error: new StructuredOutputError({
      kind: 'validation',
      message: `the model's answer does not match the schema "${schema.name}": ${formatIssues(result.issues)}`,
      rawText,
      value: cleaned,
      errors: result.issues,
    }),
  };
}

/**
 * Reads a model's answer as a value of `schema`: strict JSON first, then the first fenced block or balanced JSON
 * value in the text; `null`s for optional, non-nullable properties dropped; then validated.
 */
export function parseStructuredOutput<T>(schema: TypedSchema<T>, text: string): StructuredOutputResult<T> {
  if (text.trim() === '') {
    return {
      success: false,
      error: new StructuredOutputError({
        kind: 'empty',
        message: `the model returned no text (expected JSON for "${schema.name}")`,
        rawText: text,
      }),
    };
  }
  const parsed = parseJsonText(text);
  if (!parsed.success) {
    return {
      success: false,
      error: new StructuredOutputError({
        kind: 'json',
        message: `the model's answer holds no valid JSON (expected "${schema.name}"): ${excerpt(text)}`,
        rawText: text,
      }),
    };
  }
  return validateStructuredValue(schema, parsed.value, text);
}
