import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { jsonSchema } from './ajv.js';

describe('jsonSchema (from @rig-ts/typed/ajv)', () => {
  const schema = {
    title: 'Person',
    description: 'A person',
    type: 'object',
    properties: {
      name: { type: 'string', minLength: 1 },
      email: { type: 'string', format: 'email' },
      role: { enum: ['admin', 'user'] },
    },
    required: ['name'],
    additionalProperties: false,
  };

  it('validates with ajv: every error, formats included, issues in the shared shape', () => {
    const Person = jsonSchema<{ name: string; email?: string }>(schema);
    expect(Person.name).toBe('Person');
    expect(Person.description).toBe('A person');
    expect(Person.jsonSchema).toBe(schema);
    expect(Person.validate({ name: 'Ada', email: 'ada@example.com' })).toEqual({
      success: true,
      value: { name: 'Ada', email: 'ada@example.com' },
    });
    expect(Person.validate({ name: '', email: 'nope', role: 'root', age: 3 })).toEqual({
      success: false,
      issues: [
        { path: '', message: "must NOT have additional properties: 'age'", keyword: 'additionalProperties' },
        { path: '/name', message: 'must NOT have fewer than 1 characters', keyword: 'minLength' },
        { path: '/email', message: 'must match format "email"', keyword: 'format' },
        { path: '/role', message: 'must be equal to one of the allowed values: "admin", "user"', keyword: 'enum' },
      ],
    });
  });

  it('takes the name and description from options, and falls back to a valid name', () => {
    expect(jsonSchema({ type: 'string' }).name).toBe('response_schema');
    expect(jsonSchema({ type: 'string', title: 'A title with spaces!' }).name).toBe('A_title_with_spaces');
    const named = jsonSchema({ type: 'string' }, { name: 'Label', description: 'A label' });
    expect([named.name, named.description]).toEqual(['Label', 'A label']);
    expect('description' in jsonSchema({ type: 'string' })).toBe(false);
  });

  it('compiles each schema object once and reuses the validator', () => {
    let compiles = 0;
    const ajv = new Ajv();
    const counting = { compile: (value: object) => (compiles++, ajv.compile(value)) };
    const shared = { type: 'number' };
    const first = jsonSchema<number>(shared, { ajv: counting });
    const second = jsonSchema<number>(shared, { ajv: counting });
    expect(first.validate(1)).toEqual({ success: true, value: 1 });
    expect(second.validate('1')).toEqual({
      success: false,
      issues: [{ path: '', message: 'must be number', keyword: 'type' }],
    });
    expect(compiles).toBe(1);
  });

  it('reads draft 2020-12 schemas (as zod exports them)', () => {
    const tuple = jsonSchema({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'array',
      prefixItems: [{ type: 'string' }, { type: 'number' }],
      items: false,
    });
    expect(tuple.validate(['a', 1]).success).toBe(true);
    expect(tuple.validate(['a', 1, 2])).toEqual({
      success: false,
      issues: [{ path: '', message: 'must NOT have more than 2 items', keyword: 'items' }],
    });
  });

  it('reads draft 2019-09 schemas and ignores an unknown dialect', () => {
    expect(
      jsonSchema({ $schema: 'https://json-schema.org/draft/2019-09/schema', type: 'string' }).validate('x').success,
    ).toBe(true);
    expect(jsonSchema({ $schema: 'http://json-schema.org/draft-04/schema#', type: 'string' }).validate(1).success).toBe(
      false,
    );
  });

  it("throws ajv's error for an invalid schema, when it is made", () => {
    expect(() => jsonSchema({ type: 'nope' })).toThrow(
      'schema is invalid: data/type must be equal to one of the allowed values, data/type must be array, data/type must match a schema in anyOf',
    );
  });
});
