export { generateSchemas } from './generate-schemas.js';
export type { GenerateSchemasOptions, GeneratedModule, GeneratedSchema } from './generate-schemas.js';
export type { JsonSchema } from './json-schema.js';
export { expandGlobs, globToRegExp } from './expand-globs.js';
export { SchemaGenerationError } from './schema-generation-error.js';
export { parseArguments, runCli } from './run-cli.js';
export type { CliArguments } from './run-cli.js';
