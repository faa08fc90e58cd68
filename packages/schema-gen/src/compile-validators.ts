import type { JsonSchema } from './json-schema.js';
import { Ajv } from 'ajv';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import ajvFormats from 'ajv-formats';
import { formatSource, RUNTIME_HELPERS } from './runtime-sources.js';
import { SchemaGenerationError } from './schema-generation-error.js';

/** Standalone validator code for a set of schemas. */
export interface CompiledValidators {
  /** Plain JavaScript (no imports): helpers, schema constants and one validate function per schema. */
  code: string;
  /** The validate function's name for each schema key. */
  functions: Map<string, string>;
}

const REQUIRE = /require\("([^"]+)"\)((?:\.[A-Za-z_$][\w$]*|\["[^"]+"\])*)/g;
const FORMAT_REQUIRE = /^require\("ajv-formats\/dist\/formats"\)\.fullFormats(?:\["([^"]+)"\]|\.([\w$]+))$/;

/**
 * Compiles each schema ahead of time with ajv's standalone code generation (all errors, every ajv-formats format).
 * The `require`s ajv emits for its run-time helpers and function formats are replaced by inlined copies, so the code
 * needs no ajv at run time; `schemaConstants` maps a schema key to the name of a constant holding that schema
 * (ajv's own copy of an identical root schema then reuses it).
 * @throws {SchemaGenerationError} for unknown formats or helpers that cannot be inlined.
 */
export function compileValidators(
  schemas: ReadonlyMap<string, JsonSchema>,
  schemaConstants: ReadonlyMap<string, string>,
): CompiledValidators {
  const warnings: string[] = [];
  const ajv = new Ajv({
    code: { source: true, esm: true, lines: true },
    allErrors: true,
    strict: false,
    logger: {
      log: () => undefined,
      warn: (...args: unknown[]) => warnings.push(args.join(' ')),
      error: (...args: unknown[]) => warnings.push(args.join(' ')),
    },
  });
  ajvFormats.default(ajv);
  const exportNames: { [exportName: string]: string } = {};
  for (const [key, schema] of schemas) {
    try {
      ajv.addSchema(schema, key);
      ajv.getSchema(key);
    } catch (error) {
      throw new SchemaGenerationError({
        message: `ajv cannot compile the schema: ${(error as Error).message}`,
        typeName: key,
        cause: error,
      });
    }
    const unknownFormat = warnings.find((warning) => warning.includes('unknown format'));
    if (unknownFormat !== undefined)
      throw new SchemaGenerationError({ message: `${unknownFormat} (the formats are ajv-formats')`, typeName: key });
    exportNames[`export_${key}`] = key;
  }
  let code = standaloneCodeModule.default(ajv, exportNames).replace(/^"use strict";/, '');
  const functions = new Map<string, string>();
  code = code.replace(/export const export_([\w$]+) = ([\w$]+);/g, (_match, key: string, name: string) => {
    functions.set(key, name);
    return '';
  });
  for (const [key, schema] of schemas) {
    const constant = schemaConstants.get(key);
    if (constant === undefined) continue;
    const serialized = JSON.stringify(schema);
    code = code.replace(
      new RegExp(`const (schema\\d+) = ${serialized.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')};`),
      (_match, name: string) => `const ${name} = ${constant};`,
    );
  }
  const helpers = new Map<string, string>();
  code = code.replace(REQUIRE, (expression) => {
    const helper = RUNTIME_HELPERS[expression];
    if (helper !== undefined) {
      helpers.set(helper.name, helper.source);
      return helper.name;
    }
    const match = FORMAT_REQUIRE.exec(expression);
    const format = match?.[1] ?? match?.[2];
    const source = format === undefined ? undefined : formatSource(format);
    if (source === undefined)
      throw new SchemaGenerationError({
        message: `ajv's standalone code needs ${expression}, which rig-schema cannot inline`,
      });
    return source;
  });
  const prelude = [...helpers.values()].join('\n');
  return { code: prelude === '' ? code : `${prelude}\n${code}`, functions };
}
