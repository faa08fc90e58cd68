import type { JsonSchema, JsonValue } from '@rig-ts/core';

type Schema = JsonSchema | boolean;

/** Options of {@link generateSchemaInstance}. */
export interface SchemaInstanceOptions {
  /** The base of generated strings at the root (property values use their property name). @default 'value' */
  name?: string;
  /** Below this depth of nested objects / arrays / `$ref`s, only required properties and `minItems` items are made. @default 6 */
  maxDepth?: number;
  /**
   * Chooses the value of a scalar (string, number, integer, boolean, null, or an `enum`) before it is generated:
   * return a value that fits `schema`, or `undefined` for the generated one. Called in document order, except inside
   * the items of a `uniqueItems` array (there values are always generated, so they stay distinct).
   * @default none: every value is generated
   */
  pick?: (slot: SchemaValueSlot) => JsonValue | undefined;
}

/** One scalar of the instance being generated, as {@link SchemaInstanceOptions.pick} sees it. */
export interface SchemaValueSlot {
  /** The scalar's schema, with `$ref`, `allOf`, `anyOf` and `oneOf` resolved. */
  schema: JsonSchema;
  /** Its type, lower-cased (`string` when the schema does not say). */
  type: string;
  /** The property name (the array's name for its items, the `name` option at the root). */
  name: string;
  /** The index of an array item, else 0. */
  variant: number;
}

const STRING_FORMATS: { [format: string]: (variant: number) => string } = {
  'date-time': (variant) => `2024-01-${pad(1 + (variant % 28))}T00:00:00Z`,
  date: (variant) => `2024-01-${pad(1 + (variant % 28))}`,
  time: (variant) => `00:00:${pad(variant % 60)}Z`,
  duration: (variant) => `PT${1 + variant}S`,
  email: (variant) => (variant === 0 ? 'user@example.com' : `user${variant}@example.com`),
  'idn-email': (variant) => (variant === 0 ? 'user@example.com' : `user${variant}@example.com`),
  hostname: (variant) => (variant === 0 ? 'example.com' : `host${variant}.example.com`),
  'idn-hostname': (variant) => (variant === 0 ? 'example.com' : `host${variant}.example.com`),
  ipv4: (variant) => `192.0.2.${1 + (variant % 254)}`,
  ipv6: (variant) => `2001:db8::${(1 + variant).toString(16)}`,
  uri: (variant) => (variant === 0 ? 'https://example.com/' : `https://example.com/${variant}`),
  'uri-reference': (variant) => (variant === 0 ? 'https://example.com/' : `https://example.com/${variant}`),
  iri: (variant) => (variant === 0 ? 'https://example.com/' : `https://example.com/${variant}`),
  'iri-reference': (variant) => (variant === 0 ? 'https://example.com/' : `https://example.com/${variant}`),
  url: (variant) => (variant === 0 ? 'https://example.com/' : `https://example.com/${variant}`),
  uuid: (variant) => `00000000-0000-4000-8000-${(variant + 1).toString(16).padStart(12, '0')}`,
  'json-pointer': (variant) => (variant === 0 ? '' : `/${variant}`),
  regex: () => '.*',
};

function pad(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Generator {
  readonly #root: Schema;
  readonly #maxDepth: number;
  readonly #pick: SchemaInstanceOptions['pick'];
  /** Inside items that must be unique, values are not picked (a picked value may repeat): only generated. */
  #uniqueItemsDepth = 0;

  constructor(root: Schema, maxDepth: number, pick: SchemaInstanceOptions['pick']) {
    this.#root = root;
    this.#maxDepth = maxDepth;
    this.#pick = pick;
  }

  generate(schema: Schema | undefined, name: string, variant: number, depth: number): JsonValue {
    if (schema === undefined || schema === true) return stringFor({}, name, variant);
    if (schema === false) return null;
    const resolved = this.#resolve(schema, depth);
    if ('const' in resolved) return resolved.const as JsonValue;
    const type = typeOf(resolved);
    if (this.#pick !== undefined && this.#uniqueItemsDepth === 0 && type !== 'object' && type !== 'array') {
      const picked = this.#pick({ schema: resolved, type, name, variant });
      if (picked !== undefined) return picked;
    }
    if (Array.isArray(resolved.enum) && resolved.enum.length > 0)
      return resolved.enum[variant % resolved.enum.length] as JsonValue;
    switch (type) {
      case 'object':
        return this.#object(resolved, variant, depth);
      case 'array':
        return this.#array(resolved, name, depth);
      case 'integer':
        return numberIn(resolved, true, variant);
      case 'number':
        return numberIn(resolved, false, variant);
      case 'boolean':
        return variant % 2 === 0;
      case 'null':
        return null;
      default:
        return stringFor(resolved, name, variant);
    }
  }

  /** Follows `$ref`s and flattens `allOf` and the first branch of `anyOf` / `oneOf` into one schema. */
  #resolve(schema: JsonSchema, depth: number): JsonSchema {
    let current = schema;
    for (let hops = 0; hops < 32; hops++) {
      if (typeof current.$ref === 'string') {
        const { $ref, ...rest } = current;
        const target = this.#pointer($ref as string);
        current = merge(target === true || target === undefined ? {} : target === false ? { not: {} } : target, rest);
        continue;
      }
      if (Array.isArray(current.allOf)) {
        const { allOf, ...rest } = current;
        let merged: JsonSchema = rest;
        for (const part of allOf as Schema[]) if (isObject(part)) merged = merge(merged, this.#resolve(part, depth));
        current = merged;
        continue;
      }
      const branches = Array.isArray(current.anyOf)
        ? current.anyOf
        : Array.isArray(current.oneOf)
          ? current.oneOf
          : undefined;
      if (branches !== undefined && branches.length > 0) {
        const { anyOf: _anyOf, oneOf: _oneOf, ...rest } = current;
        const objects = (branches as Schema[]).filter(isObject);
        const chosen = objects.find((branch) => !isNullSchema(branch)) ?? objects[0] ?? {};
        current = merge(rest, chosen);
        continue;
      }
      return current;
    }
    return current;
  }

  #pointer(reference: string): Schema | undefined {
    if (!reference.startsWith('#')) return undefined;
    let node: unknown = this.#root;
    const path = reference.slice(1);
    if (path === '' || path === '/') return node as Schema;
    for (const raw of path.slice(1).split('/')) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      if (typeof node !== 'object' || node === null) return undefined;
      node = (node as { [key: string]: unknown })[key];
    }
    return node as Schema | undefined;
  }

  #object(schema: JsonSchema, variant: number, depth: number): JsonValue {
    const result: { [key: string]: JsonValue } = {};
    const properties = isObject(schema.properties) ? (schema.properties as { [key: string]: Schema }) : {};
    const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
    const shallow = depth >= this.#maxDepth;
    for (const key of Object.keys(properties)) {
      if (shallow && !required.includes(key)) continue;
      result[key] = this.generate(properties[key], key, variant, depth + 1);
    }
    for (const key of required) if (!(key in result)) result[key] = this.generate(undefined, key, variant, depth + 1);
    const minProperties = typeof schema.minProperties === 'number' ? schema.minProperties : 0;
    const extra = isObject(schema.additionalProperties) ? schema.additionalProperties : undefined;
    for (let index = 1; Object.keys(result).length < minProperties && schema.additionalProperties !== false; index++) {
      result[`property${index}`] = this.generate(extra, `property${index}`, 0, depth + 1);
    }
    return result;
  }

  #array(schema: JsonSchema, name: string, depth: number): JsonValue {
    const tuple = Array.isArray(schema.prefixItems)
      ? (schema.prefixItems as Schema[])
      : Array.isArray(schema.items)
        ? (schema.items as Schema[])
        : [];
    const rest: Schema | undefined = Array.isArray(schema.items)
      ? (schema.additionalItems as Schema | undefined)
      : (schema.items as Schema | undefined);
    const minItems = typeof schema.minItems === 'number' ? schema.minItems : 0;
    const maxItems = typeof schema.maxItems === 'number' ? schema.maxItems : Infinity;
    const wanted = depth >= this.#maxDepth ? minItems : Math.max(minItems, tuple.length, rest === false ? 0 : 1);
    const count = Math.min(wanted, maxItems, rest === false ? tuple.length : Infinity);
    const items: JsonValue[] = [];
    const unique = schema.uniqueItems === true;
    if (unique) this.#uniqueItemsDepth++;
    for (let index = 0; index < count; index++) {
      const itemSchema =
        index === 0 && isObject(schema.contains) && tuple.length === 0
          ? schema.contains
          : index < tuple.length
            ? tuple[index]
            : rest;
      items.push(this.generate(itemSchema, name, index, depth + 1));
    }
    if (unique) this.#uniqueItemsDepth--;
    return items;
  }
}

function isNullSchema(schema: JsonSchema): boolean {
  return (
    schema.type === 'null' || (Array.isArray(schema.type) && schema.type.length === 1 && schema.type[0] === 'null')
  );
}

/** Shallow merge, except that `properties` are merged and `required` lists are joined. */
function merge(base: JsonSchema, extra: JsonSchema): JsonSchema {
  const merged: JsonSchema = { ...base, ...extra };
  if (isObject(base.properties) && isObject(extra.properties))
    merged.properties = { ...base.properties, ...extra.properties };
  if (Array.isArray(base.required) && Array.isArray(extra.required))
    merged.required = [...new Set([...base.required, ...extra.required])];
  return merged;
}

function typeOf(schema: JsonSchema): string {
  const type = schema.type;
  if (typeof type === 'string') return type.toLowerCase();
  if (Array.isArray(type)) {
    const types = type.map((entry) => String(entry).toLowerCase());
    return types.find((entry) => entry !== 'null') ?? 'null';
  }
  if ('properties' in schema || 'required' in schema || 'additionalProperties' in schema || 'minProperties' in schema)
    return 'object';
  if ('items' in schema || 'prefixItems' in schema || 'minItems' in schema || 'contains' in schema) return 'array';
  if (
    'minimum' in schema ||
    'maximum' in schema ||
    'exclusiveMinimum' in schema ||
    'exclusiveMaximum' in schema ||
    'multipleOf' in schema
  )
    return 'number';
  return 'string';
}

function numberIn(schema: JsonSchema, integer: boolean, variant: number): number {
  const minimum = typeof schema.minimum === 'number' ? schema.minimum : undefined;
  const maximum = typeof schema.maximum === 'number' ? schema.maximum : undefined;
  // Draft 4 writes exclusive bounds as booleans beside minimum / maximum.
  const exclusiveMinimum =
    typeof schema.exclusiveMinimum === 'number'
      ? schema.exclusiveMinimum
      : schema.exclusiveMinimum === true
        ? minimum
        : undefined;
  const exclusiveMaximum =
    typeof schema.exclusiveMaximum === 'number'
      ? schema.exclusiveMaximum
      : schema.exclusiveMaximum === true
        ? maximum
        : undefined;
  let low = schema.exclusiveMinimum === true ? undefined : minimum;
  let high = schema.exclusiveMaximum === true ? undefined : maximum;
  // A non-integer inside an open bound: 1 past it, or halfway to the other bound when that is closer.
  const gap = halfGap(low ?? exclusiveMinimum, high ?? exclusiveMaximum);
  if (exclusiveMinimum !== undefined) {
    const above = integer ? Math.floor(exclusiveMinimum) + 1 : exclusiveMinimum + Math.min(1, gap);
    low = low === undefined ? above : Math.max(low, above);
  }
  if (exclusiveMaximum !== undefined) {
    const below = integer ? Math.ceil(exclusiveMaximum) - 1 : exclusiveMaximum - Math.min(1, gap);
    high = high === undefined ? below : Math.min(high, below);
  }
  if (integer) {
    if (low !== undefined) low = Math.ceil(low);
    if (high !== undefined) high = Math.floor(high);
  }
  let value = 1 + variant;
  if (high !== undefined && value > high) value = high;
  if (low !== undefined && value < low) value = low;
  const multipleOf = typeof schema.multipleOf === 'number' && schema.multipleOf > 0 ? schema.multipleOf : undefined;
  if (multipleOf !== undefined) {
    let multiple = Math.ceil(value / multipleOf) * multipleOf;
    if (high !== undefined && multiple > high) multiple = Math.floor(high / multipleOf) * multipleOf;
    value = Number(multiple.toPrecision(12));
  }
  return value;
}

function halfGap(low: number | undefined, high: number | undefined): number {
  return low === undefined || high === undefined ? 1 : (high - low) / 2;
}

function stringFor(schema: JsonSchema, name: string, variant: number): string {
  const format = typeof schema.format === 'string' ? STRING_FORMATS[schema.format] : undefined;
  if (format !== undefined) return format(variant);
  let text = variant === 0 ? name : `${name}-${variant}`;
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  let length = [...text].length;
  if (length < minLength) {
    text += 'x'.repeat(minLength - length);
    length = minLength;
  }
  if (length > maxLength) text = [...text].slice(0, maxLength).join('');
  return text;
}

/**
 * A deterministic instance of a JSON Schema: the simulator's structured answers and tool arguments.
 * Objects get every property (required and optional) and each `required` name; arrays get `max(minItems, 1)` items
 * (`uniqueItems` is honoured through per-index variants); `const` and the first `enum` value win; numbers are `1`
 * moved inside `minimum` / `maximum` / exclusive bounds and rounded to `multipleOf`; booleans are `true`; strings are
 * the property name (the `name` option at the root, the array's name for its items) padded or cut to
 * `minLength` / `maxLength`, or a fixed value for the formats `date-time`, `date`, `time`, `duration`, `email`,
 * `hostname`, `ipv4`, `ipv6`, `uri`, `uri-reference`, `iri`, `url`, `uuid`, `json-pointer` and `regex`.
 * `$ref` (`#`, `#/$defs/…`, `#/definitions/…`, any local JSON pointer), `allOf` (merged), `anyOf` / `oneOf` (the
 * first branch that is not `null`), type lists and `nullable` (the first non-null type) and upper-case OpenAPI types
 * (Gemini's `OBJECT`, `STRING`…) are understood. `pattern`, `not`, `if`/`then`/`else` and `patternProperties` are not.
 * The `pick` option chooses scalars instead (the simulator takes them from the conversation).
 */
export function generateSchemaInstance(schema: JsonSchema | boolean, options: SchemaInstanceOptions = {}): JsonValue {
  return new Generator(schema, options.maxDepth ?? 6, options.pick).generate(schema, options.name ?? 'value', 0, 0);
}
