import type { JsonSchema } from '@rig-ts/core';
import { Ajv, type AnySchema } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickFromPrompt } from '../simulator/pick-from-prompt.js';
import { generateSchemaInstance, type SchemaValueSlot } from './generate-schema-instance.js';
import { sentimentAnalysis } from '../test-utils/demo-schemas.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv | Ajv2020) => void;
const draft7 = new Ajv({ strict: false, allErrors: true });
const draft2020 = new Ajv2020({ strict: false, allErrors: true });
addFormats(draft7);
addFormats(draft2020);

/** Gemini's OpenAPI subset (upper-case types, `nullable`) as standard JSON Schema, for ajv. */
function toStandardSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toStandardSchema);
  if (typeof value !== 'object' || value === null) return value;
  const result: { [key: string]: unknown } = {};
  for (const [key, entry] of Object.entries(value)) {
    if (key === 'nullable') continue;
    result[key] = key === 'type' && typeof entry === 'string' ? entry.toLowerCase() : toStandardSchema(entry);
  }
  if ((value as JsonSchema).nullable === true) result.type = [result.type, 'null'];
  return result;
}

function expectValid(schema: JsonSchema, value: unknown, dialect: 'draft7' | 'draft2020' = 'draft2020'): void {
  const ajv = dialect === 'draft7' ? draft7 : draft2020;
  const validate = ajv.compile(toStandardSchema(schema) as AnySchema);
  const valid = validate(value);
  expect({ valid, errors: validate.errors ?? null, value }).toEqual({ valid: true, errors: null, value });
}

/** Schemas seen in real structured-output requests and tool definitions, plus the keyword corners. */
const cases: { name: string; schema: JsonSchema; expected: unknown; dialect?: 'draft7' | 'draft2020' }[] = [
  {
    name: 'the typed-output example (SentimentAnalysis)',
    schema: sentimentAnalysis,
    expected: { score: 1, label: 'label' },
  },
  {
    name: 'required and optional properties',
    schema: {
      type: 'object',
      properties: { city: { type: 'string' }, country: { type: 'string' }, population: { type: 'integer' } },
      required: ['city'],
    },
    expected: { city: 'city', country: 'country', population: 1 },
  },
  {
    name: 'a required name without a property schema',
    schema: { type: 'object', required: ['id'] },
    expected: { id: 'id' },
  },
  {
    name: 'an empty object schema (no-argument tool)',
    schema: { type: 'object', properties: {}, additionalProperties: false },
    expected: {},
  },
  {
    name: 'enum takes the first value',
    schema: { type: 'object', properties: { op: { type: 'string', enum: ['add', 'sub'] } } },
    expected: { op: 'add' },
  },
  { name: 'const', schema: { type: 'object', properties: { kind: { const: 'fixed' } } }, expected: { kind: 'fixed' } },
  {
    name: 'integer bounds',
    schema: {
      type: 'object',
      properties: {
        low: { type: 'integer', minimum: 5 },
        high: { type: 'integer', maximum: -3 },
        exclusive: { type: 'integer', exclusiveMinimum: 10, exclusiveMaximum: 20 },
        multiple: { type: 'integer', minimum: 7, multipleOf: 5 },
      },
    },
    expected: { low: 5, high: -3, exclusive: 11, multiple: 10 },
  },
  {
    name: 'number bounds',
    schema: {
      type: 'object',
      properties: {
        ratio: { type: 'number', minimum: 0, maximum: 0.5 },
        open: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
        price: { type: 'number', minimum: 2.5, multipleOf: 0.01 },
        temperature: { type: 'number', exclusiveMaximum: -40 },
      },
    },
    expected: { ratio: 0.5, open: 0.5, price: 2.5, temperature: -41 },
  },
  {
    name: 'string lengths',
    schema: {
      type: 'object',
      properties: { code: { type: 'string', minLength: 8 }, tag: { type: 'string', maxLength: 2 } },
    },
    expected: { code: 'codexxxx', tag: 'ta' },
  },
  {
    name: 'string formats',
    schema: {
      type: 'object',
      properties: {
        at: { type: 'string', format: 'date-time' },
        day: { type: 'string', format: 'date' },
        clock: { type: 'string', format: 'time' },
        mail: { type: 'string', format: 'email' },
        link: { type: 'string', format: 'uri' },
        host: { type: 'string', format: 'hostname' },
        v4: { type: 'string', format: 'ipv4' },
        v6: { type: 'string', format: 'ipv6' },
        id: { type: 'string', format: 'uuid' },
        wait: { type: 'string', format: 'duration' },
      },
    },
    expected: {
      at: '2024-01-01T00:00:00Z',
      day: '2024-01-01',
      clock: '00:00:00Z',
      mail: 'user@example.com',
      link: 'https://example.com/',
      host: 'example.com',
      v4: '192.0.2.1',
      v6: '2001:db8::1',
      id: '00000000-0000-4000-8000-000000000001',
      wait: 'PT1S',
    },
  },
  {
    name: 'arrays of strings and of objects',
    schema: {
      type: 'object',
      properties: {
        tags: { type: 'array', items: { type: 'string' } },
        ingredients: {
          type: 'array',
          minItems: 2,
          items: {
            type: 'object',
            properties: { name: { type: 'string' }, amount: { type: 'string' } },
            required: ['name'],
          },
        },
      },
      required: ['tags', 'ingredients'],
    },
    expected: {
      tags: ['tags'],
      ingredients: [
        { name: 'name', amount: 'amount' },
        { name: 'name-1', amount: 'amount-1' },
      ],
    },
  },
  {
    name: 'unique items get distinct variants',
    schema: {
      type: 'object',
      properties: {
        names: { type: 'array', items: { type: 'string' }, minItems: 3, uniqueItems: true },
        numbers: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 10 }, minItems: 3, uniqueItems: true },
        days: { type: 'array', items: { type: 'string', format: 'date' }, minItems: 2, uniqueItems: true },
        flags: { type: 'array', items: { type: 'boolean' }, minItems: 2, uniqueItems: true },
      },
    },
    expected: {
      names: ['names', 'names-1', 'names-2'],
      numbers: [1, 2, 3],
      days: ['2024-01-01', '2024-01-02'],
      flags: [true, false],
    },
  },
  { name: 'maxItems 0', schema: { type: 'array', items: { type: 'string' }, maxItems: 0 }, expected: [] },
  {
    name: 'tuples with prefixItems',
    schema: { type: 'array', prefixItems: [{ type: 'number' }, { type: 'string' }], items: false },
    expected: [1, 'value-1'],
  },
  {
    name: 'draft-7 tuples with an items array',
    schema: { type: 'array', items: [{ type: 'boolean' }, { type: 'integer' }], additionalItems: false },
    expected: [true, 2],
    dialect: 'draft7',
  },
  {
    name: 'nested objects',
    schema: {
      type: 'object',
      properties: {
        recipe: {
          type: 'object',
          properties: { name: { type: 'string' }, steps: { type: 'array', items: { type: 'string' } } },
          required: ['name', 'steps'],
        },
      },
      required: ['recipe'],
    },
    expected: { recipe: { name: 'name', steps: ['steps'] } },
  },
  {
    name: 'nullable through a type list (OpenAI strict optional fields)',
    schema: {
      type: 'object',
      properties: { nickname: { type: ['string', 'null'] }, age: { type: ['null', 'integer'] } },
      required: ['nickname', 'age'],
      additionalProperties: false,
    },
    expected: { nickname: 'nickname', age: 1 },
  },
  {
    name: 'anyOf takes the first non-null branch',
    schema: {
      type: 'object',
      properties: { amount: { anyOf: [{ type: 'null' }, { type: 'number' }, { type: 'string' }] } },
      required: ['amount'],
    },
    expected: { amount: 1 },
  },
  {
    name: 'oneOf takes the first branch',
    schema: {
      type: 'object',
      properties: {
        shape: {
          oneOf: [
            { type: 'object', properties: { radius: { type: 'number' } }, required: ['radius'] },
            { type: 'string' },
          ],
        },
      },
    },
    expected: { shape: { radius: 1 } },
  },
  {
    name: 'allOf is merged',
    schema: {
      allOf: [
        { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
        { properties: { b: { type: 'integer', minimum: 3 } }, required: ['b'] },
      ],
    },
    expected: { a: 'a', b: 3 },
  },
  {
    name: '$ref into $defs',
    schema: {
      type: 'object',
      properties: { home: { $ref: '#/$defs/address' }, work: { $ref: '#/$defs/address' } },
      required: ['home'],
      $defs: {
        address: {
          type: 'object',
          properties: { street: { type: 'string' }, zip: { type: 'string', minLength: 5 } },
          required: ['street', 'zip'],
        },
      },
    },
    expected: { home: { street: 'street', zip: 'zipxx' }, work: { street: 'street', zip: 'zipxx' } },
  },
  {
    name: '$ref into definitions (typescript-json-schema output)',
    schema: {
      $schema: 'http://json-schema.org/draft-07/schema#',
      $ref: '#/definitions/SentimentAnalysis',
      definitions: { SentimentAnalysis: sentimentAnalysis },
    },
    expected: { score: 1, label: 'label' },
    dialect: 'draft7',
  },
  {
    name: 'recursive $ref stops at the depth limit with required properties only',
    schema: {
      $ref: '#/$defs/node',
      $defs: {
        node: {
          type: 'object',
          properties: { label: { type: 'string' }, children: { type: 'array', items: { $ref: '#/$defs/node' } } },
          required: ['label'],
        },
      },
    },
    expected: {
      label: 'label',
      children: [{ label: 'label', children: [{ label: 'label', children: [{ label: 'label' }] }] }],
    },
  },
  {
    name: 'Gemini OpenAPI-style upper-case types and nullable',
    schema: {
      type: 'OBJECT',
      properties: {
        title: { type: 'STRING', nullable: true },
        rating: { type: 'INTEGER' },
        tags: { type: 'ARRAY', items: { type: 'STRING' } },
      },
      required: ['title'],
    },
    expected: { title: 'title', rating: 1, tags: ['tags'] },
  },
  {
    name: 'types inferred from keywords',
    schema: { properties: { n: { minimum: 4 }, list: { items: { type: 'integer' } }, free: {} } },
    expected: { n: 4, list: [1], free: 'free' },
  },
  {
    name: 'minProperties adds properties',
    schema: { type: 'object', minProperties: 2, additionalProperties: { type: 'integer' } },
    expected: { property1: 1, property2: 1 },
  },
  { name: 'a root string', schema: { type: 'string' }, expected: 'value' },
  { name: 'a root boolean', schema: { type: 'boolean' }, expected: true },
  { name: 'a root null', schema: { type: 'null' }, expected: null },
];

/** Random schemas: bounded numbers, strings, enums, arrays, objects (with these property names), anyOf and nullable types. */
function randomSchemas(names: readonly string[]): fc.Arbitrary<JsonSchema> {
  const name = fc.constantFrom(...names);
  const integerSchema = fc
    .record({
      low: fc.integer({ min: -50, max: 50 }),
      span: fc.integer({ min: 2, max: 40 }),
      exclusive: fc.boolean(),
      multipleOf: fc.constantFrom(undefined, 1, 2, 5),
    })
    .map(({ low, span, exclusive, multipleOf }): JsonSchema => ({
      type: 'integer',
      ...(exclusive
        ? { exclusiveMinimum: low, exclusiveMaximum: low + span + 5 }
        : { minimum: low, maximum: low + span + 5 }),
      ...(multipleOf === undefined ? {} : { multipleOf }),
    }));
  const numberSchema = fc
    .record({
      low: fc.double({ min: -1000, max: 1000, noNaN: true }),
      span: fc.double({ min: 0.001, max: 100, noNaN: true }),
      exclusive: fc.boolean(),
    })
    .map(({ low, span, exclusive }): JsonSchema =>
      exclusive
        ? { type: 'number', exclusiveMinimum: low, exclusiveMaximum: low + span }
        : { type: 'number', minimum: low, maximum: low + span },
    );
  const stringSchema = fc
    .record({
      min: fc.integer({ min: 0, max: 12 }),
      extra: fc.integer({ min: 0, max: 12 }),
      format: fc.constantFrom(undefined, 'date-time', 'email', 'uri', 'uuid', 'date'),
    })
    .map(({ min, extra, format }): JsonSchema =>
      format === undefined ? { type: 'string', minLength: min, maxLength: min + extra } : { type: 'string', format },
    );
  const leaf = fc.oneof(
    integerSchema,
    numberSchema,
    stringSchema,
    fc.constant<JsonSchema>({ type: 'boolean' }),
    fc.constant<JsonSchema>({ type: 'null' }),
    fc
      .uniqueArray(fc.string({ maxLength: 5 }), { minLength: 1, maxLength: 4 })
      .map((values): JsonSchema => ({ type: 'string', enum: values })),
  );
  const schema = fc.letrec<{ node: JsonSchema }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc
        .record({ items: tie('node'), min: fc.integer({ min: 0, max: 3 }), unique: fc.boolean() })
        .map(({ items, min, unique }): JsonSchema => ({
          type: 'array',
          items,
          minItems: min,
          // Unique items only where variants make them distinct.
          ...(unique && items.type === 'string' && items.enum === undefined && items.format === undefined
            ? { uniqueItems: true }
            : {}),
        })),
      fc
        .dictionary(name, tie('node'), { maxKeys: 4 })
        .chain((properties) =>
          fc.record({
            properties: fc.constant(properties),
            required: fc.subarray(Object.keys(properties)),
            closed: fc.boolean(),
          }),
        )
        .map(({ properties, required, closed }): JsonSchema => ({
          type: 'object',
          properties,
          required,
          ...(closed ? { additionalProperties: false } : {}),
        })),
      fc.tuple(tie('node'), tie('node')).map(([first, second]): JsonSchema => ({ anyOf: [first, second] })),
      leaf
        .filter((inner) => inner.type !== 'null')
        .map((inner): JsonSchema => ({ ...inner, type: [inner.type as string, 'null'] })),
    ),
  }));
  return schema.node;
}

describe('generateSchemaInstance', () => {
  for (const { name, schema, expected, dialect } of cases) {
    it(`${name}: deterministic and valid`, () => {
      const value = generateSchemaInstance(schema);
      expect(value).toEqual(expected);
      expect(generateSchemaInstance(schema)).toEqual(value);
      expectValid(schema, value, dialect);
    });
  }

  it('the root name option names root strings', () => {
    expect(generateSchemaInstance({ type: 'string' }, { name: 'answer' })).toBe('answer');
    expect(generateSchemaInstance({ type: 'array', items: { type: 'string' } }, { name: 'answer' })).toEqual([
      'answer',
    ]);
  });

  it('maxDepth keeps only required properties below it', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        a: { type: 'object', properties: { b: { type: 'string' }, c: { type: 'string' } }, required: ['c'] },
      },
    };
    expect(generateSchemaInstance(schema, { maxDepth: 1 })).toEqual({ a: { c: 'c' } });
    expect(generateSchemaInstance(schema)).toEqual({ a: { b: 'b', c: 'c' } });
  });

  it('draft-4 boolean exclusive bounds (ajv 8 compiles no draft 4: checked against the draft-7 equivalent)', () => {
    const value = generateSchemaInstance({
      type: 'object',
      properties: {
        count: { type: 'integer', minimum: 3, exclusiveMinimum: true },
        cap: { type: 'number', maximum: 0, exclusiveMaximum: true },
      },
    });
    expect(value).toEqual({ count: 4, cap: -1 });
    expectValid(
      {
        type: 'object',
        properties: { count: { type: 'integer', exclusiveMinimum: 3 }, cap: { type: 'number', exclusiveMaximum: 0 } },
      },
      value,
      'draft7',
    );
  });

  it('pick chooses scalars: it sees each resolved scalar in document order, and undefined keeps the generated value', () => {
    const seen: SchemaValueSlot[] = [];
    const schema: JsonSchema = {
      type: 'object',
      $defs: { city: { type: 'string', description: 'A city' } },
      properties: {
        place: { $ref: '#/$defs/city' },
        kind: { const: 'fixed' },
        tags: { type: 'array', items: { type: 'string' }, minItems: 2 },
        unique: { type: 'array', items: { type: 'integer' }, minItems: 2, uniqueItems: true },
        nested: { type: 'object', properties: { op: { enum: ['add', 'sub'] }, on: { type: ['boolean', 'null'] } } },
      },
    };
    const value = generateSchemaInstance(schema, {
      pick: (slot) => {
        seen.push(slot);
        return slot.name === 'tags' && slot.variant === 1 ? 'picked' : slot.name === 'op' ? 'sub' : undefined;
      },
    });
    expect(value).toEqual({
      place: 'place',
      kind: 'fixed',
      tags: ['tags', 'picked'],
      unique: [1, 2],
      nested: { op: 'sub', on: true },
    });
    // Never for objects, arrays, a const, or the items of a uniqueItems array.
    expect(seen).toEqual([
      { schema: { type: 'string', description: 'A city' }, type: 'string', name: 'place', variant: 0 },
      { schema: { type: 'string' }, type: 'string', name: 'tags', variant: 0 },
      { schema: { type: 'string' }, type: 'string', name: 'tags', variant: 1 },
      { schema: { enum: ['add', 'sub'] }, type: 'string', name: 'op', variant: 0 },
      { schema: { type: ['boolean', 'null'] }, type: 'boolean', name: 'on', variant: 0 },
    ]);
  });

  it('boolean schemas', () => {
    expect(generateSchemaInstance(true)).toBe('value');
    expect(generateSchemaInstance(false)).toBe(null);
  });

  it('the OpenAI spec schemas of real structured outputs validate', () => {
    // The response_format of pydantic-ai's native output recording and the tool of its streaming usage recording.
    const city = {
      type: 'object',
      properties: { city: { type: 'string' }, country: { type: 'string' } },
      required: ['city', 'country'],
      additionalProperties: false,
    };
    const result = {
      properties: { result: { type: 'integer' } },
      required: ['result'],
      type: 'object',
      additionalProperties: false,
    };
    expect(generateSchemaInstance(city)).toEqual({ city: 'city', country: 'country' });
    expect(generateSchemaInstance(result)).toEqual({ result: 1 });
    expectValid(city, generateSchemaInstance(city));
    expectValid(result, generateSchemaInstance(result));
  });

  // 400 ajv compilations: 3.5 s alone on a loaded 2-core machine, past vitest's 5 s default when another suite runs
  // beside it. The bound only tells a hang from slow work.
  it('random schemas (fast-check): the instance always validates', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(randomSchemas(['a', 'b', 'city', 'score', 'tags', 'id']), (generated) => {
        const value = generateSchemaInstance(generated);
        const validate = draft2020.compile(generated as AnySchema);
        if (!validate(value))
          throw new Error(
            `invalid instance ${JSON.stringify(value)} for ${JSON.stringify(generated)}: ${JSON.stringify(validate.errors)}`,
          );
      }),
      { numRuns: 400, seed: 20240601 },
    );
  });

  it(
    'random schemas with values picked from random prompts (fast-check): the instance always validates',
    { timeout: 120_000 },
    () => {
      const word = fc.constantFrom(
        'What is the weather in',
        'Paris',
        'New York',
        'times',
        'plus',
        '/',
        'divided by',
        'I love it!',
        'terrible',
        'sentiment',
        'review',
        '6',
        '-3',
        '2.5',
        '42',
        'seven',
        'add',
        'sub',
        'b',
        '',
      );
      const prompt = fc.array(word, { maxLength: 8 }).map((words) => words.join(' '));
      fc.assert(
        fc.property(
          randomSchemas(['a', 'b', 'city', 'score', 'tags', 'label', 'query', 'mood', 'rating', 'operation']),
          prompt,
          (generated, text) => {
            const value = generateSchemaInstance(generated, { pick: pickFromPrompt(text) });
            const validate = draft2020.compile(generated as AnySchema);
            if (!validate(value))
              throw new Error(
                `invalid instance ${JSON.stringify(value)} for ${JSON.stringify(generated)} after ${JSON.stringify(text)}: ${JSON.stringify(validate.errors)}`,
              );
          },
        ),
        { numRuns: 400, seed: 20240602 },
      );
    },
  );
});
