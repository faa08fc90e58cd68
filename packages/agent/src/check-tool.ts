import { CompletionError } from '@rig-ts/core';
import { invalidRequest } from '@rig-ts/core/internal';
import { checkTimeLimit } from './run-limits.js';
import { isTypedSchema, type Tool } from './tool.js';

/**
 * Checks what can be checked of a tool before any call: a name, an `execute` function, parameters that are a
 * `TypedSchema` whose JSON Schema is an object serializable into a request, and its `timeoutMs`. Throws a `request`
 * CompletionError naming the tool, or its place (`list[index]`) when it has no name. (Whether a run-time `jsonSchema()`
 * compiles is known when the tool is first called.)
 */
export function checkTool(tool: Tool, index: number, list = 'tools'): void {
  const where = `${list}[${index}]`;
  if (typeof tool !== 'object' || tool === null) throw invalidRequest(`${where} is not a tool object`, where);
  const label = typeof tool.name === 'string' && tool.name !== '' ? `tool "${tool.name}"` : where;
  if (typeof tool.name !== 'string' || tool.name === '') throw invalidRequest(`${where} has no name`, `${where}.name`);
  if (typeof tool.execute !== 'function') throw invalidRequest(`${label} has no execute function`, `${where}.execute`);
  const parameters: unknown = tool.parameters;
  if (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters)) {
    throw invalidRequest(`${label} has parameters that are not a JSON Schema object`, `${where}.parameters`);
  }
  if (!isTypedSchema(parameters)) {
    throw invalidRequest(
      `${label}: parameters must be a TypedSchema; wrap a plain JSON Schema with jsonSchema(schema) from @rig-ts/typed/ajv, or generate one with rig-schema`,
      `${where}.parameters`,
    );
  }
  const schema: unknown = parameters.jsonSchema;
  let serialized: string | undefined;
  try {
    serialized = JSON.stringify(schema);
  } catch (error) {
    throw new CompletionError({
      kind: 'request',
      message: `${label} has a parameters schema that cannot be serialized to JSON`,
      path: `${where}.parameters`,
      cause: error,
    });
  }
  if (serialized === undefined || !serialized.startsWith('{'))
    throw invalidRequest(`${label} has parameters that are not a JSON Schema object`, `${where}.parameters`);
  if (tool.timeoutMs !== undefined) checkTimeLimit(tool.timeoutMs, `timeoutMs of ${label}`);
}
