import { readTextFixture } from '@rig-ts/fixtures';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/** Lists the spec's complaints about `body` as the schema `schemaName` (an empty list when it is valid). */
export type SpecCheck = (schemaName: string, body: unknown) => string[];

// Two OpenAPI constructs JSON Schema reads differently, adapted so ajv checks what the spec means:
// - OpenAPI 3.0 `nullable` flags become a `null` type where a type is given, and are dropped elsewhere (stricter);
// - `oneOf` with a `discriminator` means "the branch the discriminator names"; as plain JSON Schema it rejects values
//   that fit two branches, so it is read as `anyOf`.
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

const checks = new Map<string, SpecCheck>();

/** A checker for the schemas of an OpenAPI spec in `@rig-ts/fixtures` (e.g. `mistral/spec/openapi.yaml`). */
export function openApiSpec(specFile: string): SpecCheck {
  const known = checks.get(specFile);
  if (known) return known;
  const spec = parse(readTextFixture(specFile)) as { components: unknown };
  adaptOpenApi(spec.components);
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  (addFormats as unknown as (instance: Ajv2020) => void)(ajv);
  const id = `https://spec.test/${specFile}`;
  ajv.addSchema({ $id: id, components: spec.components });
  const validators = new Map<string, ValidateFunction>();
  const check: SpecCheck = (schemaName, body) => {
    let validator = validators.get(schemaName);
    if (!validator) {
      validator = ajv.getSchema(`${id}#/components/schemas/${schemaName}`);
      if (!validator) throw new Error(`no schema ${schemaName} in ${specFile}`);
      validators.set(schemaName, validator);
    }
    return validator(JSON.parse(JSON.stringify(body)))
      ? []
      : (validator.errors ?? []).map(
          (error) => `${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`,
        );
  };
  checks.set(specFile, check);
  return check;
}
