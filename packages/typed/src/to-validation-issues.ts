import type { ValidationIssue } from '@rig-ts/core';

/** The fields of an ajv error that matter here (ajv's `ErrorObject`). */
export interface AjvErrorLike {
  instancePath: string;
  keyword: string;
  params: { [name: string]: unknown };
  message?: string;
}

/** ajv's errors as {@link ValidationIssue}s, with the allowed values and the extra property named in the message. */
export function toValidationIssues(errors: readonly AjvErrorLike[] | null | undefined): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const error of errors ?? []) {
    let message = error.message ?? `must pass "${error.keyword}"`;
    if (error.keyword === 'enum' && Array.isArray(error.params.allowedValues)) {
      message += `: ${error.params.allowedValues.map((value) => JSON.stringify(value)).join(', ')}`;
    } else if (error.keyword === 'additionalProperties' && typeof error.params.additionalProperty === 'string') {
      message += `: '${error.params.additionalProperty}'`;
    }
    issues.push({ path: error.instancePath, message, keyword: error.keyword });
  }
  return issues;
}
