export type { DeepPartial, InferTyped, JsonOf, TypedSchema, ValidationResult } from './typed-schema.js';
export { toSchemaName } from './typed-schema.js';
export { fromStandardSchema } from './from-standard-schema.js';
export type { FromStandardSchemaOptions } from './from-standard-schema.js';
export type { StandardSchemaV1 } from './standard-schema.js';
export { parseJsonText } from './parse-json-text.js';
export type { JsonTextResult } from './parse-json-text.js';
export { dropOptionalNulls } from './drop-optional-nulls.js';
export { formatIssues, parseStructuredOutput, validateStructuredValue } from './parse-structured-output.js';
export type { StructuredOutputResult } from './parse-structured-output.js';
export { toValidationIssues } from './to-validation-issues.js';
export type { AjvErrorLike } from './to-validation-issues.js';
export { fromAjvValidator } from './from-ajv-validator.js';
export type { AjvValidatorLike, FromAjvValidatorOptions } from './from-ajv-validator.js';
export { repairPrompt } from './repair-prompt.js';
export { toStructuredOutputError } from './to-structured-output-error.js';
export { TYPED_PROMPT_DEFAULTS } from './typed-prompt-options.js';
export type { TypedPromptOptions, TypedRequestOptions } from './typed-prompt-options.js';
export type { StreamingTypedPrompt, TypedPrompt } from './typed-prompt.js';
export { promptTyped, promptTypedWithDetails } from './prompt-typed.js';
export type { TypedPromptResponse } from './prompt-typed.js';
export { PartialJsonParser } from './partial-json-parser.js';
export { streamTyped } from './stream-typed.js';
export { TypedStreamResponse } from './typed-stream.js';
export type { TypedStream } from './typed-stream.js';
export { EXTRACTION_PREAMBLE, SUBMIT_TOOL_NAME, extract, extractWithDetails } from './extract.js';
// `jsonSchema` (run-time ajv compilation) is exported from `@rig-ts/typed/ajv` only, so the compiler stays out of
// bundles that use generated schemas.
