import { describe, expect, it } from 'vitest';
import { dropOptionalNulls } from './drop-optional-nulls.js';
import { Profile } from './test-utils/schemas.gen.js';

describe('dropOptionalNulls', () => {
  it('drops nulls of optional, non-nullable properties only — at every depth, through $refs and arrays', () => {
    const answer = {
      name: 'Ada',
      nickname: null,
      middleName: null,
      address: { city: 'London', zip: null },
      tags: [
        { label: 'math', weight: null },
        { label: 'poetry', weight: 2 },
      ],
    };
    expect(dropOptionalNulls(answer, Profile.jsonSchema)).toEqual({
      name: 'Ada',
      middleName: null,
      address: { city: 'London' },
      tags: [{ label: 'math' }, { label: 'poetry', weight: 2 }],
    });
    expect(Profile.validate(dropOptionalNulls(answer, Profile.jsonSchema)).success).toBe(true);
    expect(Profile.validate(answer).success).toBe(false);
  });

  it('keeps nulls of required properties (the validator reports them) and does not modify its input', () => {
    const answer = { name: null, nickname: null, address: null };
    const copy = structuredClone(answer);
    expect(dropOptionalNulls(answer, Profile.jsonSchema)).toEqual({ name: null });
    expect(answer).toEqual(copy);
  });

  it('returns the same value when nothing changes', () => {
    const answer = { name: 'Ada', tags: [{ label: 'x' }] };
    expect(dropOptionalNulls(answer, Profile.jsonSchema)).toBe(answer);
  });

  const schema = {
    type: 'object',
    properties: {
      any: {},
      anything: true,
      constNull: { const: null },
      enumWithNull: { enum: ['a', null] },
      anyOfNull: { anyOf: [{ type: 'string' }, { type: 'null' }] },
      ref: { $ref: '#/$defs/Nullable' },
      refNotNull: { $ref: '#/definitions/Point' },
      tuple: { type: 'array', items: [{ type: 'object', properties: { a: { type: 'number' } } }, { type: 'string' }] },
      prefix: { type: 'array', prefixItems: [{ type: 'object', properties: { b: { type: 'number' } } }] },
      record: { type: 'object', additionalProperties: { type: 'object', properties: { c: { type: 'string' } } } },
      union: { anyOf: [{ type: 'string' }, { type: 'object', properties: { d: { type: 'number' } } }] },
      both: {
        allOf: [
          { type: 'object', properties: { e: { type: 'number' } } },
          { type: 'object', properties: { f: { type: 'number' } } },
        ],
      },
      integer: { type: 'integer' },
    },
    $defs: { Nullable: { type: ['string', 'null'] } },
    definitions: { Point: { type: 'object', properties: { x: { type: 'number' } } } },
  };

  it.each([
    ['an unconstrained schema', { any: null }, { any: null }],
    ['a true schema', { anything: null }, { anything: null }],
    ['const null', { constNull: null }, { constNull: null }],
    ['an enum holding null', { enumWithNull: null }, { enumWithNull: null }],
    ['an anyOf with a null branch', { anyOfNull: null }, { anyOfNull: null }],
    ['a $ref to a nullable type', { ref: null }, { ref: null }],
    ['a $ref to an object', { refNotNull: null }, {}],
    ['an integer', { integer: null }, {}],
    ['inside a $ref', { refNotNull: { x: null } }, { refNotNull: {} }],
    ['tuple items', { tuple: [{ a: null }, 'x'] }, { tuple: [{}, 'x'] }],
    ['prefixItems', { prefix: [{ b: null }] }, { prefix: [{}] }],
    ['record values', { record: { one: { c: null }, two: null } }, { record: { one: {}, two: null } }],
    ['the one anyOf branch fitting the value', { union: { d: null } }, { union: {} }],
    ['every allOf branch', { both: { e: null, f: null } }, { both: {} }],
    ['undeclared properties (left alone)', { extra: null }, { extra: null }],
  ])('handles %s', (_name, value, expected) => {
    expect(dropOptionalNulls(value, schema)).toEqual(expected);
  });

  it('leaves non-objects alone', () => {
    expect(dropOptionalNulls(null, schema)).toBe(null);
    expect(dropOptionalNulls('text', { type: 'string' })).toBe('text');
  });
});
