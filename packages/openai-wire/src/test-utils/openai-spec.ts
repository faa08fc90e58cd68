import { readTextFixture } from '@rig-ts/fixtures';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

let ajv: Ajv2020 | undefined;

// Two OpenAPI constructs JSON Schema reads differently, adapted so ajv checks what the spec means:
// - a few OpenAPI 3.0 `nullable` flags remain: they become a `null` type where a type is given, and are dropped
//   elsewhere (which only makes the check stricter);
// - `oneOf` with a `discriminator` means "the branch the discriminator names"; as plain JSON Schema it rejects values
//   that fit two branches (an input message fits both EasyInputMessage and InputMessage), so it is read as `anyOf`.
function adaptOpenApi(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) adaptOpenApi(item);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as { [key: string]: unknown };
  if ('nullable' in record && typeof record.nullable === 'boolean') {
    if (record.nullable && typeof record.type === 'string') record.type = [record.type, 'null'];
    delete record.nullable;
  }
  if (record.oneOf && record.discriminator) {
    record.anyOf = record.oneOf;
    delete record.oneOf;
  }
  for (const value of Object.values(record)) adaptOpenApi(value);
}
const validators = new Map<string, ValidateFunction>();

/** A validator for a schema of OpenAI's official OpenAPI spec (`CreateResponse`, `CreateChatCompletionRequest`…). */
export function openAISpecValidator(schemaName: string): ValidateFunction {
  let validator = validators.get(schemaName);
  if (validator) return validator;
  if (!ajv) {
    const spec = parse(readTextFixture('openai/spec/openapi.yaml')) as { components: unknown };
    adaptOpenApi(spec.components);
    ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    (addFormats as unknown as (instance: Ajv2020) => void)(ajv);
    ajv.addSchema({ $id: 'https://openai.spec/openapi.json', components: spec.components });
  }
  validator = ajv.getSchema(`https://openai.spec/openapi.json#/components/schemas/${schemaName}`);
  if (!validator) throw new Error(`no schema ${schemaName} in the OpenAI spec`);
  validators.set(schemaName, validator);
  return validator;
}

/** The spec's complaints about `body` as `schemaName` (an empty list when it is valid). */
export function specErrors(schemaName: string, body: unknown): string[] {
  const validator = openAISpecValidator(schemaName);
  return validator(JSON.parse(JSON.stringify(body))) ? [] : (validator.errors ?? []).map((error) => `${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`);
}
