import { jsonSchema } from '@rig-ts/typed/ajv';
import { describe, expect, it } from 'vitest';
import { mcpToolParameters } from './mcp-tool-parameters.js';
import { serverEverythingRecording } from './test-utils/server-everything-recording.js';

const getSum = serverEverythingRecording.tools.find((tool) => tool.name === 'get-sum')!;

describe('mcpToolParameters', () => {
  it('gives the model the server schema without $schema and validates under its draft-07 dialect', () => {
    const parameters = mcpToolParameters('get-sum', getSum.inputSchema, jsonSchema);
    expect(parameters.name).toBe('get-sum');
    expect(parameters.jsonSchema).toEqual({
      type: 'object',
      properties: {
        a: { type: 'number', description: 'First number' },
        b: { type: 'number', description: 'Second number' },
      },
      required: ['a', 'b'],
    });
    expect(parameters.validate({ a: 2, b: 3 })).toEqual({ success: true, value: { a: 2, b: 3 } });
    expect(parameters.validate({ a: 2 })).toEqual({
      success: false,
      issues: [{ path: '', message: "must have required property 'b'", keyword: 'required' }],
    });
  });

  it('validates a schema without $schema as JSON Schema 2020-12 (prefixItems is enforced, which draft-07 ignores)', () => {
    const parameters = mcpToolParameters(
      'pair',
      {
        type: 'object',
        properties: { pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }] } },
      },
      jsonSchema,
    );
    expect(parameters.jsonSchema).toEqual({
      type: 'object',
      properties: { pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }] } },
    });
    expect(parameters.validate({ pair: ['a', 1] }).success).toBe(true);
    expect(parameters.validate({ pair: [1, 'a'] })).toEqual({
      success: false,
      issues: [
        { path: '/pair/0', message: 'must be string', keyword: 'type' },
        { path: '/pair/1', message: 'must be number', keyword: 'type' },
      ],
    });
  });

  it('lets every argument through when the schema does not compile (the server validates)', () => {
    const parameters = mcpToolParameters(
      'remote',
      { type: 'object', properties: { a: { $ref: 'https://example.invalid/schema.json' } } },
      jsonSchema,
    );
    expect(parameters.jsonSchema).toEqual({
      type: 'object',
      properties: { a: { $ref: 'https://example.invalid/schema.json' } },
    });
    expect(parameters.validate({ a: 'anything' })).toEqual({ success: true, value: { a: 'anything' } });
  });

  it('does not change the server schema object', () => {
    const schema = { ...getSum.inputSchema };
    mcpToolParameters('get-sum', schema, jsonSchema);
    expect(schema).toEqual(getSum.inputSchema);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });
});
