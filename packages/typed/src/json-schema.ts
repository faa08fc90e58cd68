import type { JsonSchema } from '@rig-ts/core';
import { Ajv, type ValidateFunction } from 'ajv';
import Ajv2019Module from 'ajv/dist/2019.js';
import Ajv2020Module from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { fromAjvValidator } from './from-ajv-validator.js';
import { toSchemaName, type TypedSchema } from './typed-schema.js';

/** What {@link jsonSchema} needs of an ajv instance. */
export interface AjvCompiler {
  compile(schema: JsonSchema): ValidateFunction;
}

/** Options of {@link jsonSchema}. */
export interface JsonSchemaOptions {
  /** The schema's name for the model. @default the schema's `title` when valid as a name, else `response_schema` */
  name?: string;
  /** @default the schema's `description` */
  description?: string;
  /** The ajv instance to compile with (add your own formats and keywords to it). @default a shared instance with every ajv-formats format, `allErrors` and `strict: false` */
  ajv?: AjvCompiler;
}

type Draft = '07' | '2019-09' | '2020-12';

const sharedInstances = new Map<Draft, AjvCompiler>();
const compiled = new WeakMap<object, WeakMap<object, ValidateFunction>>();

function draftOf(schema: JsonSchema): Draft {
  const uri = typeof schema.$schema === 'string' ? schema.$schema : '';
  return uri.includes('2020-12') ? '2020-12' : uri.includes('2019-09') ? '2019-09' : '07';
}

function sharedAjv(draft: Draft): AjvCompiler {
  let instance = sharedInstances.get(draft);
  if (instance === undefined) {
    const options = { allErrors: true, strict: false };
    const created =
      draft === '2020-12'
        ? new Ajv2020Module.default(options)
        : draft === '2019-09'
          ? new Ajv2019Module.default(options)
          : new Ajv(options);
    ajvFormats.default(created as Ajv);
    instance = created;
    sharedInstances.set(draft, instance);
  }
  return instance;
}

/** Compiles `schema` once per ajv instance. */
function compile(schema: JsonSchema, ajv: AjvCompiler | undefined): ValidateFunction {
  let schemaForAjv = schema;
  const draft = draftOf(schema);
  if (draft === '07' && typeof schema.$schema === 'string' && !/draft-0[67]/.test(schema.$schema)) {
    const { $schema: _ignored, ...rest } = schema;
    schemaForAjv = rest;
  }
  const instance = ajv ?? sharedAjv(draft);
  let byInstance = compiled.get(instance);
  if (byInstance === undefined) compiled.set(instance, (byInstance = new WeakMap()));
  let validator = byInstance.get(schema);
  if (validator === undefined) {
    validator = instance.compile(schemaForAjv);
    byInstance.set(schema, validator);
  }
  return validator;
}

/**
 * A {@link TypedSchema} from a JSON Schema known only at run time, validated by ajv. The validator is compiled here,
 * once per schema object, and cached. Import it from `@rig-ts/typed/ajv`: the ajv compiler is then only in the
 * bundles that use it (and it needs `new Function`, so it does not run under a strict Content-Security-Policy).
 * Draft-07 is assumed unless `$schema` names 2019-09 or 2020-12.
 *
 * @example
 * const Person = jsonSchema<{ name: string }>({ type: 'object', properties: { name: { type: 'string' } }, required: ['name'] }, { name: 'Person' });
 * @throws {Error} ajv's error when the schema is invalid.
 */
export function jsonSchema<T = unknown>(schema: JsonSchema, options: JsonSchemaOptions = {}): TypedSchema<T> {
  const description = options.description ?? (typeof schema.description === 'string' ? schema.description : undefined);
  return fromAjvValidator<T>(compile(schema, options.ajv), {
    name: toSchemaName(options.name ?? (typeof schema.title === 'string' ? schema.title : undefined)),
    description,
    jsonSchema: schema,
  });
}
