import { describe, expect, it } from 'vitest';
import { fromAjvValidator, type AjvValidatorLike } from './from-ajv-validator.js';

/** A validator shaped as ajv's standalone code is: the verdict returned, the errors of the last call on `errors`. */
function standaloneValidator(
  accepts: (value: unknown) => boolean,
  errors: NonNullable<AjvValidatorLike['errors']>,
): AjvValidatorLike & { calls: unknown[] } {
  const calls: unknown[] = [];
  const validate = Object.assign(
    (value: unknown) => {
      calls.push(value);
      const verdict = accepts(value);
      validate.errors = verdict ? null : errors;
      return verdict;
    },
    { errors: null as AjvValidatorLike['errors'], calls },
  );
  return validate;
}

const jsonSchema = { type: 'object', properties: { unit: { enum: ['celsius', 'fahrenheit'] } } };

describe('fromAjvValidator', () => {
  it('passes the value through when the validator accepts it, and the errors as issues when it does not', () => {
    const validator = standaloneValidator(
      (value) => (value as { unit?: unknown }).unit !== 'kelvin',
      [
        {
          instancePath: '/unit',
          keyword: 'enum',
          params: { allowedValues: ['celsius', 'fahrenheit'] },
          message: 'must be equal to one of the allowed values',
        },
        {
          instancePath: '',
          keyword: 'additionalProperties',
          params: { additionalProperty: 'city' },
          message: 'must NOT have additional properties',
        },
        { instancePath: '/unit', keyword: 'custom', params: {} },
      ],
    );
    const Weather = fromAjvValidator<{ unit?: 'celsius' | 'fahrenheit' }>(validator, {
      name: 'Weather',
      description: 'Arguments of the weather tool.',
      jsonSchema,
    });
    const accepted = { unit: 'celsius' };
    expect(Weather.validate(accepted)).toStrictEqual({ success: true, value: accepted });
    expect(Weather.validate({ unit: 'kelvin', city: 'Paris' })).toStrictEqual({
      success: false,
      issues: [
        {
          path: '/unit',
          message: 'must be equal to one of the allowed values: "celsius", "fahrenheit"',
          keyword: 'enum',
        },
        { path: '', message: "must NOT have additional properties: 'city'", keyword: 'additionalProperties' },
        { path: '/unit', message: 'must pass "custom"', keyword: 'custom' },
      ],
    });
    expect(validator.calls).toEqual([accepted, { unit: 'kelvin', city: 'Paris' }]);
    expect(Weather.validate(accepted).success).toBe(true);
  });

  it('is { name, description, jsonSchema, validate }, the schema object itself, without a description when none is given', () => {
    const validator = standaloneValidator(() => true, []);
    const described = fromAjvValidator(validator, { name: 'Weather', description: 'The weather.', jsonSchema });
    expect({ ...described, validate: typeof described.validate }).toStrictEqual({
      name: 'Weather',
      description: 'The weather.',
      jsonSchema,
      validate: 'function',
    });
    expect(described.jsonSchema).toBe(jsonSchema);
    const bare = fromAjvValidator(validator, { name: 'Weather', jsonSchema });
    expect(Object.keys(bare)).toEqual(['name', 'jsonSchema', 'validate']);
    expect(Object.keys(fromAjvValidator(validator, { name: 'Weather', description: undefined, jsonSchema }))).toEqual([
      'name',
      'jsonSchema',
      'validate',
    ]);
  });

  it('reports no issues for a rejection without errors (null), rather than throwing', () => {
    const validator = Object.assign(() => false, { errors: null });
    expect(fromAjvValidator(validator, { name: 'Never', jsonSchema: { not: {} } }).validate(1)).toStrictEqual({
      success: false,
      issues: [],
    });
  });
});
