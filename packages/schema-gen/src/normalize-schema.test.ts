import { describe, expect, it } from 'vitest';
import { normalizeSchema } from './normalize-schema.js';

// Inputs are typescript-json-schema's output (draft-07 `definitions`); outputs use `$defs`.
describe('normalizeSchema', () => {
  it('drops $schema and keeps an inline root as it is', () => {
    expect(
      normalizeSchema({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties: {} }),
    ).toEqual({ type: 'object', properties: {} });
  });

  it('inlines a root $ref, keeps annotations beside it, and drops definitions no longer reached', () => {
    expect(
      normalizeSchema({
        $ref: '#/definitions/Point',
        description: 'A point',
        definitions: { Point: { type: 'object', properties: { x: { type: 'number' } } } },
      }),
    ).toEqual({ type: 'object', properties: { x: { type: 'number' } }, description: 'A point' });
  });

  it('keeps the definition of a recursive root', () => {
    const tree = (ref: string) => ({
      type: 'object',
      properties: { children: { type: 'array', items: { $ref: ref } } },
    });
    expect(normalizeSchema({ $ref: '#/definitions/Tree', definitions: { Tree: tree('#/definitions/Tree') } })).toEqual({
      ...tree('#/$defs/Tree'),
      $defs: { Tree: tree('#/$defs/Tree') },
    });
  });

  it('moves definitions to $defs under provider-safe names and rewrites their references', () => {
    expect(
      normalizeSchema({
        type: 'object',
        properties: {
          a: { $ref: '#/definitions/Record%3Cstring%2CAddress%3E' },
          b: {
            $ref: '#/definitions/import(%22%2Fhome%2Fx%2Fschemas%22%2C%20%7B%20with%3A%20%7B%20%22resolution-mode%22%3A%20%22import%22%20%7D%20%7D).Address',
          },
          c: { $ref: '#/definitions/Box%3Cstring%3E' },
          d: { $ref: '#/definitions/Box%3Cstring%5B%5D%3E' },
        },
        definitions: {
          'Record<string,Address>': {
            type: 'object',
            additionalProperties: {
              $ref: '#/definitions/import("/home/x/schemas", { with: { "resolution-mode": "import" } }).Address',
            },
          },
          'import("/home/x/schemas", { with: { "resolution-mode": "import" } }).Address': { type: 'object' },
          'Box<string>': { type: 'object' },
          'Box<string[]>': { type: 'object' },
        },
      }),
    ).toEqual({
      type: 'object',
      properties: {
        a: { $ref: '#/$defs/Record_string_Address' },
        b: { $ref: '#/$defs/Address' },
        c: { $ref: '#/$defs/Box_string' },
        d: { $ref: '#/$defs/Box_string_2' },
      },
      $defs: {
        Record_string_Address: { type: 'object', additionalProperties: { $ref: '#/$defs/Address' } },
        Address: { type: 'object' },
        Box_string: { type: 'object' },
        Box_string_2: { type: 'object' },
      },
    });
  });
});
