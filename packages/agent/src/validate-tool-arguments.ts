import type { JsonSchema, ValidationIssue } from '@rig-ts/core';
import { isTypedSchema, toolParametersSchema, type Tool } from './tool.js';

type Validation = { success: true; value: unknown } | { success: false; issues: ValidationIssue[] };
type Validator = (value: unknown) => Validation;

const compiled = new WeakMap<JsonSchema, Validator>();

// Plain JSON Schemas are compiled with ajv, loaded only when such a tool is first called (tools declared with
// generated TypedSchemas carry their own precompiled validator and never load it).
async function jsonSchemaValidator(schema: JsonSchema): Promise<Validator> {
  let validator = compiled.get(schema);
  if (!validator) {
    const { jsonSchema } = await import('@rig-ts/typed/ajv');
    const typed = jsonSchema<unknown>(schema, { name: 'arguments' });
    validator = (value) => typed.validate(value);
    compiled.set(schema, validator);
  }
  return validator;
}

/** Validates a tool call's arguments against the tool's parameters: the parsed value, or the validator's issues. */
export async function validateToolArguments(tool: Tool, args: unknown): Promise<Validation> {
  if (isTypedSchema(tool.parameters)) return tool.parameters.validate(args);
  return (await jsonSchemaValidator(toolParametersSchema(tool)))(args);
}
