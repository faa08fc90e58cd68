import type { JsonSchema, ValidationIssue } from '@rig-ts/core';
import { isTypedSchema, type Tool } from './tool.js';

type Validation = { success: true; value: unknown } | { success: false; issues: ValidationIssue[] };

/** Validates a tool call's arguments against the tool's parameters: the parsed value, or the validator's issues. */
export async function validateToolArguments(tool: Tool, args: unknown): Promise<Validation> {
  if (isTypedSchema(tool.parameters)) return tool.parameters.validate(args);
  // Plain JSON Schemas are compiled with ajv (once per schema object, `jsonSchema` caches it), loaded only when such a
  // tool is first called (tools declared with generated TypedSchemas carry their own precompiled validator).
  const { jsonSchema } = await import('@rig-ts/typed/ajv');
  return jsonSchema(tool.parameters as JsonSchema).validate(args);
}
