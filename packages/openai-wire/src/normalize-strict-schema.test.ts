import { describe, expect, it } from 'vitest';
import { isStrictAsGiven, normalizeStrictSchema } from './normalize-strict-schema.js';

describe('normalizeStrictSchema', () => {
  it('requires every property, makes optional ones nullable and closes objects, recursively', () => {
    expect(
      normalizeStrictSchema({
        type: 'object',
        properties: {
          name: { type: 'string' },
          age: { type: 'integer', minimum: 0 },
          tags: { type: 'array', items: { type: 'object', properties: { label: { type: 'string' } } } },
          kind: { enum: ['a', 'b'] },
          address: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
        },
        required: ['name'],
      }),
    ).toEqual({
      strict: true,
      warnings: [],
      schema: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          age: { type: ['integer', 'null'], minimum: 0 },
          tags: {
            type: ['array', 'null'],
            items: {
              type: 'object',
              properties: { label: { type: ['string', 'null'] } },
              required: ['label'],
              additionalProperties: false,
            },
          },
          kind: { anyOf: [{ enum: ['a', 'b'] }, { type: 'null' }] },
          address: {
            type: ['object', 'null'],
            properties: { city: { type: 'string' } },
            required: ['city'],
            additionalProperties: false,
          },
        },
        required: ['name', 'age', 'tags', 'kind', 'address'],
        additionalProperties: false,
      },
    });
  });

  it('keeps an optional property that already allows null as it is', () => {
    expect(
      normalizeStrictSchema({
        type: 'object',
        properties: { a: { type: ['string', 'null'] }, b: { anyOf: [{ type: 'number' }, { type: 'null' }] } },
      }).schema,
    ).toEqual({
      type: 'object',
      properties: { a: { type: ['string', 'null'] }, b: { anyOf: [{ type: 'number' }, { type: 'null' }] } },
      required: ['a', 'b'],
      additionalProperties: false,
    });
  });

  it('converts oneOf to anyOf and follows $defs and prefixItems', () => {
    expect(
      normalizeStrictSchema({
        type: 'object',
        properties: {
          pet: { oneOf: [{ $ref: '#/$defs/cat' }, { type: 'string' }] },
          pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }] },
        },
        required: ['pet', 'pair'],
        $defs: { cat: { type: 'object', properties: { lives: { type: 'integer' } } } },
      }).schema,
    ).toEqual({
      type: 'object',
      properties: {
        pet: { anyOf: [{ $ref: '#/$defs/cat' }, { type: 'string' }] },
        pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }] },
      },
      required: ['pet', 'pair'],
      $defs: {
        cat: {
          type: 'object',
          properties: { lives: { type: ['integer', 'null'] } },
          required: ['lives'],
          additionalProperties: false,
        },
      },
      additionalProperties: false,
    });
  });

  it('drops unsupported keywords with one warning listing them', () => {
    const result = normalizeStrictSchema({
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: {
        a: { type: 'string', default: 'x', examples: ['y'] },
        b: { type: 'array', items: { type: 'string' }, uniqueItems: true },
      },
      required: ['a', 'b'],
    });
    expect(result.strict).toBe(true);
    expect(result.warnings).toEqual([
      {
        type: 'unsupported',
        feature: 'strict output schema',
        details:
          'keywords dropped: /: $schema, /properties/a: default, /properties/a: examples, /properties/b: uniqueItems',
      },
    ]);
    expect(result.schema).toEqual({
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'array', items: { type: 'string' } } },
      required: ['a', 'b'],
      additionalProperties: false,
    });
  });

  it('leaves maps with free-form keys and non-object roots non-strict', () => {
    const map = {
      type: 'object',
      properties: { scores: { type: 'object', additionalProperties: { type: 'number' } } },
    };
    expect(normalizeStrictSchema(map)).toEqual({
      schema: map,
      strict: false,
      warnings: [
        {
          type: 'unsupported',
          feature: 'strict output schema',
          details: '/properties/scores allows additional properties; sent non-strict',
        },
      ],
    });
    expect(normalizeStrictSchema({ type: 'array', items: { type: 'string' } }, 'tool')).toEqual({
      schema: { type: 'array', items: { type: 'string' } },
      strict: false,
      warnings: [
        { type: 'unsupported', feature: 'strict tool', details: 'the root is not an object; sent non-strict' },
      ],
    });
  });

  it('does not mutate its input', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' } } };
    normalizeStrictSchema(schema);
    expect(schema).toEqual({ type: 'object', properties: { a: { type: 'string' } } });
  });
});

describe('isStrictAsGiven', () => {
  it.each([
    [{ type: 'object', properties: { a: { type: 'string' } }, required: ['a'], additionalProperties: false }, true],
    [{ type: 'object', properties: {}, additionalProperties: false }, true],
    [{ type: 'object', properties: { a: { type: 'string' } }, required: [], additionalProperties: false }, false],
    [{ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }, false],
    [
      {
        type: 'object',
        properties: { a: { type: 'string', default: 'x' } },
        required: ['a'],
        additionalProperties: false,
      },
      false,
    ],
    [
      {
        type: 'object',
        properties: { a: { type: 'object', properties: { b: { type: 'number' } }, required: ['b'] } },
        required: ['a'],
        additionalProperties: false,
      },
      false,
    ],
    [{ type: 'string' }, false],
  ])('%j → %s', (schema, expected) => {
    expect(isStrictAsGiven(schema)).toBe(expected);
  });
});
