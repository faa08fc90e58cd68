import type { ValidationIssue } from '@rig-ts/core';
import type { Tool } from './tool.js';

type Validation = { success: true; value: unknown } | { success: false; issues: ValidationIssue[] };

/**
 * Validates a tool call's arguments with the tool's `TypedSchema`: the parsed value, or the validator's issues. There
 * is no ajv here, not even behind an `import()` (a bundler that does not split code would inline it): a plain JSON
 * Schema comes wrapped by `jsonSchema()` from `@rig-ts/typed/ajv`, which the app imports itself.
 */
export async function validateToolArguments(tool: Tool, args: unknown): Promise<Validation> {
  return tool.parameters.validate(args);
}
