import type { JsonSchema } from '@rig-ts/core';
import type { TypedSchema } from '@rig-ts/typed';
import type { jsonSchema } from '@rig-ts/typed/ajv';

/** The dialect of an MCP tool schema without `$schema` (MCP 2025-11-25 and 2026-07-28: JSON Schema 2020-12). */
export const MCP_DEFAULT_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/**
 * Schemas longer than this as JSON (256 KiB) are not compiled: ajv takes about a second per megabyte, all of it on the
 * event loop, so a server could stall every run of the process; the server validates such arguments itself.
 */
const MAX_COMPILED_SCHEMA_LENGTH = 262_144;

/**
 * The parameters of an MCP tool for the agent: the server's input schema as the model sees it (without `$schema`), and
 * a validator compiled by `compile` (ajv from `@rig-ts/typed/ajv`, loaded only where MCP tools are listed) under the
 * schema's own dialect, JSON Schema 2020-12 when it names none. A schema ajv cannot compile (a remote `$ref`, an unknown
 * dialect) or one over 256 KiB as JSON lets every argument through: the server validates its arguments itself.
 */
export function mcpToolParameters(
  name: string,
  inputSchema: JsonSchema,
  compile: typeof jsonSchema,
): TypedSchema<Record<string, unknown>> {
  const { $schema: dialect, ...schemaForModel } = inputSchema;
  let validate: TypedSchema<Record<string, unknown>>['validate'] = (value) => ({
    success: true,
    value: value as Record<string, unknown>,
  });
  if (JSON.stringify(schemaForModel).length <= MAX_COMPILED_SCHEMA_LENGTH) {
    try {
      validate = compile<Record<string, unknown>>(
        { ...schemaForModel, $schema: typeof dialect === 'string' ? dialect : MCP_DEFAULT_SCHEMA_DIALECT },
        { name },
      ).validate;
    } catch {
      // Not compilable: every argument goes through.
    }
  }
  return { name, jsonSchema: schemaForModel, validate };
}
