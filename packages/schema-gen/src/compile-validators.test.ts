import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { Formats } from './__fixtures__/formats.gen.js';
import { compileValidators } from './compile-validators.js';
import { generateSchemas } from './generate-schemas.js';
import { SchemaGenerationError } from './schema-generation-error.js';

const fixtures = fileURLToPath(new URL('./__fixtures__/', import.meta.url));

// Values for each property of __fixtures__/formats.ts: the inlined format code must judge them as ajv-formats does.
const samples: { [property: string]: unknown[] } = {
  date: ['2024-02-29', '2023-02-29', '2024-13-01', '2024-1-01', '2024-04-31', 'x'],
  time: ['23:59:59Z', '23:59:60Z', '12:00:00+01:00', '12:00:00', '24:00:00Z', '23:59:60+01:00', '22:59:60-01:00'],
  dateTime: [
    '2024-02-29T12:00:00Z',
    '2024-02-29 12:00:00Z',
    '2024-02-29t12:00:00.5+05:30',
    '2024-02-29T12:00:00',
    '2024-02-30T12:00:00Z',
    '2024-02-29T12:00Z',
  ],
  isoTime: ['12:00:00', '12:00:00Z', '25:00:00', '12:00'],
  isoDateTime: ['2024-02-29T12:00:00', '2024-02-29T12:00:00Z', '2024-02-29', '2024-02-29T99:00:00'],
  uri: [
    'https://example.com/a?b=c#d',
    'urn:isbn:0451450523',
    'mailto:ada@example.com',
    'example.com',
    '/relative/path',
    'http://[::1]:80/',
    'ht tp://x',
  ],
  regex: ['^[a-z]+$', '(unclosed', 'a\\Z', '[', 'x{2,3}'],
  byte: ['aGVsbG8=', 'aGVsbG8', 'aGVs bG8=', '', 'YQ=='],
  int32: [0, 2147483647, 2147483648, -2147483648, -2147483649, 1.5],
  int64: [9007199254740991, 1.5, -3],
  float: [1.5, 0],
  double: [-1e300],
  email: ['ada@example.com', 'ada@', 'a.b+c@d.co'],
  hostname: ['example.com', '-bad.com', 'a'.repeat(64) + '.com'],
  ipv4: ['127.0.0.1', '256.0.0.1', '1.2.3'],
  ipv6: ['::1', '2001:db8::8a2e:370:7334', '12345::'],
  uuid: [
    '123e4567-e89b-12d3-a456-426614174000',
    'urn:uuid:123e4567-e89b-12d3-a456-426614174000',
    '123e4567e89b12d3a456426614174000',
  ],
  duration: ['P1Y2M3DT4H5M6S', 'P', 'PT'],
  uriReference: ['../a/b?c', 'http://x/y', '\\\\bad'],
  jsonPointer: ['/a/b~1c', 'a/b', ''],
  emoji: ['ab', '😀😀', '😀', 'abcd', '😀😀😀😀'],
  unique: [
    [{ id: 1 }, { id: 2 }],
    [{ id: 1 }, { id: 1 }],
    [{ id: 1 }, { id: '1' }],
  ],
};

describe('compileValidators', () => {
  it('the committed formats module is up to date', () => {
    const { code } = generateSchemas({
      files: [join(fixtures, 'formats.ts')],
      output: join(fixtures, 'formats.gen.ts'),
    });
    expect(readFileSync(join(fixtures, 'formats.gen.ts'), 'utf8')).toBe(code);
    expect(code).not.toMatch(/require\(|new Function|eval\(/);
  });

  it('inlines format and helper code that judges exactly as ajv-formats and ajv do', () => {
    const reference = new Ajv({ allErrors: true, strict: false });
    ajvFormats.default(reference);
    const validate = reference.compile(Formats.jsonSchema);
    const properties = Object.keys(Formats.jsonSchema.properties as object);
    expect(Object.keys(samples).sort()).toEqual(properties.sort());
    let rejected = 0;
    for (const [property, values] of Object.entries(samples)) {
      for (const value of values) {
        const expected = validate({ [property]: value });
        const result = Formats.validate({ [property]: value });
        expect({ property, value, success: result.success }).toEqual({ property, value, success: expected });
        if (!result.success) {
          rejected++;
          expect(result.issues.map((issue) => [issue.path, issue.keyword])).toEqual(
            validate.errors!.map((error) => [error.instancePath, error.keyword]),
          );
        }
      }
    }
    expect(rejected).toBe(43);
  });

  it('counts characters, not UTF-16 units, for string lengths', () => {
    expect(Formats.validate({ emoji: '😀😀' })).toEqual({ success: true, value: { emoji: '😀😀' } });
    expect(Formats.validate({ emoji: '😀' })).toEqual({
      success: false,
      issues: [{ path: '/emoji', message: 'must NOT have fewer than 2 characters', keyword: 'minLength' }],
    });
  });

  it('reuses the schema constant for an identical root schema', () => {
    const schema = { type: 'object', properties: { when: { type: 'string', format: 'date' } } };
    const { code, functions } = compileValidators(new Map([['When', schema]]), new Map([['When', 'schema$When']]));
    expect(functions).toEqual(new Map([['When', 'validate10']]));
    expect(code).toContain('const schema11 = schema$When;');
    expect(code).not.toContain('require(');
  });

  it('rejects formats ajv-formats does not know', () => {
    expect(() => compileValidators(new Map([['Phone', { type: 'string', format: 'phone' }]]), new Map())).toThrow(
      new SchemaGenerationError({
        message: 'unknown format "phone" ignored in schema at path "#" (the formats are ajv-formats\')',
        typeName: 'Phone',
      }),
    );
  });
});
