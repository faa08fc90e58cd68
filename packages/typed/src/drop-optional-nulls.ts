import type { JsonSchema } from '@rig-ts/core';

type Schema = JsonSchema | boolean | undefined;

const MAX_REF_HOPS = 32;

function isObject(value: unknown): value is { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function decodePointerSegment(segment: string): string {
  return decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Follows local `$ref`s (`#/definitions/…`, `#/$defs/…`, any JSON Pointer into the root). */
function resolve(schema: Schema, root: JsonSchema): Schema {
  for (let hops = 0; hops < MAX_REF_HOPS && isObject(schema) && typeof schema.$ref === 'string'; hops++) {
    const ref = schema.$ref;
    if (!ref.startsWith('#')) return undefined;
    let target: unknown = root;
    for (const segment of ref.slice(1).split('/').slice(1))
      target = isObject(target) ? target[decodePointerSegment(segment)] : undefined;
    schema = target as Schema;
  }
  return schema;
}

function allowsNull(schema: Schema, root: JsonSchema, hops = 0): boolean {
  const resolved = resolve(schema, root);
  if (resolved === undefined || resolved === true) return true;
  if (resolved === false || hops > MAX_REF_HOPS) return false;
  const { type } = resolved;
  if (type !== undefined && !(type === 'null' || (Array.isArray(type) && type.includes('null')))) return false;
  if ('const' in resolved && resolved.const !== null) return false;
  if (Array.isArray(resolved.enum) && !resolved.enum.includes(null)) return false;
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const branches = resolved[keyword];
    if (Array.isArray(branches) && !branches.some((branch: Schema) => allowsNull(branch, root, hops + 1))) return false;
  }
  const allOf = resolved.allOf;
  if (Array.isArray(allOf) && !allOf.every((branch: Schema) => allowsNull(branch, root, hops + 1))) return false;
  return true;
}

function jsonType(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** The one `anyOf` / `oneOf` branch that can hold a value of this JSON type, if exactly one can. */
function soleBranch(branches: Schema[], value: unknown, root: JsonSchema): Schema {
  const kind = jsonType(value);
  let found: Schema;
  let count = 0;
  for (const branch of branches) {
    const resolved = resolve(branch, root);
    if (!isObject(resolved)) continue;
    const type = resolved.type;
    const matches =
      type === undefined
        ? kind === 'object'
          ? resolved.properties !== undefined
          : resolved.items !== undefined || resolved.prefixItems !== undefined
        : type === kind ||
          (Array.isArray(type) && type.includes(kind)) ||
          (kind === 'number' && (type === 'integer' || (Array.isArray(type) && type.includes('integer'))));
    if (matches) {
      found = branch;
      count++;
    }
  }
  return count === 1 ? found : undefined;
}

function visitArray(value: unknown[], schema: JsonSchema, root: JsonSchema): unknown[] {
  const tuple = Array.isArray(schema.items)
    ? (schema.items as Schema[])
    : Array.isArray(schema.prefixItems)
      ? (schema.prefixItems as Schema[])
      : undefined;
  const rest: Schema = Array.isArray(schema.items) ? (schema.additionalItems as Schema) : (schema.items as Schema);
  let copy: unknown[] | undefined;
  for (let index = 0; index < value.length; index++) {
    const itemSchema = tuple !== undefined && index < tuple.length ? tuple[index] : rest;
    if (itemSchema === undefined) continue;
    const item = value[index];
    const visited = visit(item, itemSchema, root);
    if (visited !== item) (copy ??= value.slice())[index] = visited;
  }
  return copy ?? value;
}

function visitObject(
  value: { [key: string]: unknown },
  schema: JsonSchema,
  root: JsonSchema,
): { [key: string]: unknown } {
  const properties = isObject(schema.properties) ? (schema.properties as { [key: string]: Schema }) : undefined;
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const additional = isObject(schema.additionalProperties) ? (schema.additionalProperties as JsonSchema) : undefined;
  let copy: { [key: string]: unknown } | undefined;
  for (const key of Object.keys(value)) {
    const declared = properties !== undefined && Object.prototype.hasOwnProperty.call(properties, key);
    const propertySchema = declared ? properties![key] : additional;
    const child = value[key];
    if (child === null && declared && !required.includes(key) && !allowsNull(propertySchema, root)) {
      copy ??= { ...value };
      delete copy[key];
      continue;
    }
    if (propertySchema === undefined) continue;
    const visited = visit(child, propertySchema, root);
    if (visited !== child) (copy ??= { ...value })[key] = visited;
  }
  return copy ?? value;
}

function visit(value: unknown, schema: Schema, root: JsonSchema): unknown {
  const resolved = resolve(schema, root);
  if (!isObject(resolved) || typeof value !== 'object' || value === null) return value;
  let result: unknown = Array.isArray(value)
    ? visitArray(value, resolved, root)
    : visitObject(value as { [key: string]: unknown }, resolved, root);
  if (Array.isArray(resolved.allOf))
    for (const branch of resolved.allOf as Schema[]) result = visit(result, branch, root);
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const branches = resolved[keyword];
    if (Array.isArray(branches)) {
      const branch = soleBranch(branches as Schema[], result, root);
      if (branch !== undefined) result = visit(result, branch, root);
    }
  }
  return result;
}

/**
 * Removes the `null`s a strict-mode model writes for properties the schema makes optional and not nullable (OpenAI
 * strict structured output turns optional properties into required nullable ones). Only such properties are touched;
 * the input is not modified (changed objects and arrays are copied).
 */
export function dropOptionalNulls(value: unknown, schema: JsonSchema): unknown {
  return visit(value, schema, schema);
}
