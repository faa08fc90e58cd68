import type { JsonSchema, Warning } from '@rig-ts/core';

/** The result of {@link normalizeStrictSchema}. */
export interface StrictSchema {
  schema: JsonSchema;
  /** False when the schema cannot be made strict (it is then sent as given, non-strict). */
  strict: boolean;
  warnings: Warning[];
}

// Keywords OpenAI strict mode rejects; dropped (with a warning) rather than failing the call.
const UNSUPPORTED = new Set([
  'default',
  'examples',
  'example',
  'minProperties',
  'maxProperties',
  'patternProperties',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
  'contains',
  'minContains',
  'maxContains',
  'uniqueItems',
  'if',
  'then',
  'else',
  'not',
  'dependentRequired',
  'dependentSchemas',
  'contentEncoding',
  'contentMediaType',
  '$schema',
  '$id',
  'readOnly',
  'writeOnly',
  'deprecated',
]);

class NotStrictable extends Error {}

type Schema = { [keyword: string]: unknown };

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function allowsNull(schema: Schema): boolean {
  const type = schema.type;
  if (type === 'null' || (Array.isArray(type) && type.includes('null'))) return true;
  const branches = (schema.anyOf ?? schema.oneOf) as unknown;
  return Array.isArray(branches) && branches.some((branch) => isSchema(branch) && allowsNull(branch));
}

function nullable(schema: Schema): Schema {
  if (allowsNull(schema)) return schema;
  if (typeof schema.type === 'string' && schema.enum === undefined && schema.const === undefined)
    return { ...schema, type: [schema.type, 'null'] };
  if (Array.isArray(schema.type) && schema.enum === undefined)
    return { ...schema, type: [...(schema.type as unknown[]), 'null'] };
  return { anyOf: [schema, { type: 'null' }] };
}

function convert(schema: unknown, path: string, dropped: Set<string>): unknown {
  if (!isSchema(schema)) return schema;
  const result: Schema = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (UNSUPPORTED.has(keyword)) {
      dropped.add(`${path || '/'}: ${keyword}`);
      continue;
    }
    switch (keyword) {
      case 'properties': {
        const properties: Schema = {};
        for (const [name, property] of Object.entries(value as Schema))
          properties[name] = convert(property, `${path}/properties/${name}`, dropped);
        result.properties = properties;
        break;
      }
      case 'items':
        result.items = Array.isArray(value)
          ? value.map((item, index) => convert(item, `${path}/items/${index}`, dropped))
          : convert(value, `${path}/items`, dropped);
        break;
      case 'prefixItems':
      case 'anyOf':
      case 'oneOf':
      case 'allOf':
        result[keyword === 'oneOf' ? 'anyOf' : keyword] = (value as unknown[]).map((branch, index) =>
          convert(branch, `${path}/${keyword}/${index}`, dropped),
        );
        break;
      case '$defs':
      case 'definitions': {
        const definitions: Schema = {};
        for (const [name, definition] of Object.entries(value as Schema))
          definitions[name] = convert(definition, `${path}/${keyword}/${name}`, dropped);
        result[keyword] = definitions;
        break;
      }
      case 'additionalProperties':
        if (
          value !== false &&
          !(isSchema(value) && Object.keys(value).length === 0 && schema.properties !== undefined)
        ) {
          throw new NotStrictable(`${path || '/'} allows additional properties`);
        }
        break;
      default:
        result[keyword] = value;
    }
  }
  const isObject =
    result.type === 'object' ||
    (Array.isArray(result.type) && result.type.includes('object')) ||
    result.properties !== undefined;
  if (isObject) {
    const properties = (result.properties ?? {}) as Schema;
    const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
    for (const name of Object.keys(properties))
      if (!required.has(name)) properties[name] = nullable(properties[name] as Schema);
    result.properties = properties;
    result.required = Object.keys(properties);
    result.additionalProperties = false;
  }
  return result;
}

/**
 * Rewrites a JSON Schema for OpenAI's strict structured output: every property required (optional ones made
 * nullable), `additionalProperties: false` everywhere, unsupported keywords dropped with a warning. A schema that
 * cannot be strict (a map with free-form keys, a non-object root) is returned unchanged with `strict: false`.
 */
export function normalizeStrictSchema(schema: JsonSchema, feature = 'output schema'): StrictSchema {
  const rootIsObject = schema.type === 'object' || (schema.properties !== undefined && schema.type === undefined);
  if (!rootIsObject) {
    return {
      schema,
      strict: false,
      warnings: [
        { type: 'unsupported', feature: `strict ${feature}`, details: 'the root is not an object; sent non-strict' },
      ],
    };
  }
  const dropped = new Set<string>();
  try {
    const converted = convert(schema, '', dropped) as JsonSchema;
    const warnings: Warning[] = dropped.size
      ? [{ type: 'unsupported', feature: `strict ${feature}`, details: `keywords dropped: ${[...dropped].join(', ')}` }]
      : [];
    return { schema: converted, strict: true, warnings };
  } catch (error) {
    if (!(error instanceof NotStrictable)) throw error;
    return {
      schema,
      strict: false,
      warnings: [{ type: 'unsupported', feature: `strict ${feature}`, details: `${error.message}; sent non-strict` }],
    };
  }
}

function meetsStrict(schema: unknown): boolean {
  if (!isSchema(schema)) return true;
  for (const keyword of Object.keys(schema)) if (UNSUPPORTED.has(keyword)) return false;
  if (schema.type === 'object' || schema.properties !== undefined) {
    const properties = (schema.properties ?? {}) as Schema;
    const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
    if (schema.additionalProperties !== false || Object.keys(properties).some((name) => !required.includes(name)))
      return false;
    if (!Object.values(properties).every(meetsStrict)) return false;
  }
  const nested = [
    schema.items,
    ...((schema.anyOf as unknown[]) ?? []),
    ...((schema.oneOf as unknown[]) ?? []),
    ...((schema.allOf as unknown[]) ?? []),
  ];
  const definitions = (schema.$defs ?? schema.definitions) as Schema | undefined;
  return nested.every(meetsStrict) && (definitions === undefined || Object.values(definitions).every(meetsStrict));
}

/** True when a tool's parameters already meet strict mode as given, so `strict: true` changes nothing they mean. */
export function isStrictAsGiven(schema: JsonSchema): boolean {
  return (schema.type === 'object' || schema.properties !== undefined) && meetsStrict(schema);
}
