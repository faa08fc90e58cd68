// The `@rig-ts/typed/ajv` entry: run-time JSON Schema validation with the ajv compiler, kept out of the main entry so
// that bundles using only generated schemas carry no compiler.
export { jsonSchema } from './json-schema.js';
export type { AjvCompiler, JsonSchemaOptions } from './json-schema.js';
