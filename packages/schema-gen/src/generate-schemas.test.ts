import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JsonSchema, ValidationIssue } from '@rig-ts/core';
import type { TypedSchema } from '@rig-ts/typed';
import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import * as Generated from './__fixtures__/interfaces.gen.js';
import { generateSchemas } from './generate-schemas.js';
import { SchemaGenerationError } from './schema-generation-error.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const fixtures = join(here, '__fixtures__');

interface Case {
  schema: TypedSchema<unknown>;
  jsonSchema: JsonSchema;
  valid: unknown[];
  invalid: { value: unknown; issues: ValidationIssue[] }[];
}

const point = { type: 'object', properties: { x: { type: 'number' }, y: { type: 'number' } }, required: ['x', 'y'] };
const person = {
  description: '3. An optional property.',
  type: 'object',
  properties: { name: { type: 'string' }, age: { type: 'number' } },
  required: ['name'],
};
const priority = { type: 'string', enum: ['low', 'high'] };
const lineItem = {
  type: 'object',
  properties: {
    description: { minLength: 1, type: 'string' },
    quantity: { type: 'integer', minimum: 1 },
    unitPrice: { minimum: 0, type: 'number' },
  },
  required: ['description', 'quantity', 'unitPrice'],
};
const category = {
  description: '18. A recursive interface.',
  type: 'object',
  properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/$defs/Category' } } },
  required: ['children', 'name'],
};

function required(property: string, path = ''): ValidationIssue {
  return { path, message: `must have required property '${property}'`, keyword: 'required' };
}

function typeIssue(path: string, type: string): ValidationIssue {
  return { path, message: `must be ${type}`, keyword: 'type' };
}

// Each type of __fixtures__/interfaces.ts, easiest first: its exact JSON Schema, values it must accept, and values it
// must reject with exactly these issues.
const cases: { [name: string]: Case } = {
  Flag: {
    schema: Generated.Flag,
    jsonSchema: {
      description: '1. One required boolean.',
      type: 'object',
      properties: { enabled: { type: 'boolean' } },
      required: ['enabled'],
    },
    valid: [{ enabled: true }, { enabled: false, extra: 'kept: extra properties are allowed by default' }],
    invalid: [
      { value: {}, issues: [required('enabled')] },
      { value: { enabled: 'yes' }, issues: [typeIssue('/enabled', 'boolean')] },
      { value: [], issues: [typeIssue('', 'object')] },
      { value: null, issues: [typeIssue('', 'object')] },
    ],
  },
  SentimentAnalysis: {
    schema: Generated.SentimentAnalysis,
    jsonSchema: {
      description: "2. The seed's example: doc comments become descriptions.",
      type: 'object',
      properties: {
        score: { description: 'The sentiment score from -1.0 to 1.0', type: 'number' },
        label: { description: 'The sentiment label', type: 'string' },
      },
      required: ['label', 'score'],
    },
    valid: [
      { score: 0.9, label: 'positive' },
      { score: -1, label: '' },
    ],
    invalid: [
      { value: { score: '0.9', label: 'positive' }, issues: [typeIssue('/score', 'number')] },
      { value: { score: 1 }, issues: [required('label')] },
    ],
  },
  Person: {
    schema: Generated.Person,
    jsonSchema: person,
    valid: [{ name: 'Ada' }, { name: 'Ada', age: 36 }],
    invalid: [
      { value: { age: 36 }, issues: [required('name')] },
      { value: { name: 'Ada', age: null }, issues: [typeIssue('/age', 'number')] },
    ],
  },
  Counter: {
    schema: Generated.Counter,
    jsonSchema: {
      description: '4. Integers and bounds from JSDoc annotations.',
      type: 'object',
      properties: {
        count: { description: 'How many.', type: 'integer', minimum: 0 },
        step: { multipleOf: 0.5, type: 'number' },
      },
      required: ['count'],
    },
    valid: [{ count: 0 }, { count: 12, step: 1.5 }],
    invalid: [
      { value: { count: 1.5 }, issues: [typeIssue('/count', 'integer')] },
      { value: { count: -1 }, issues: [{ path: '/count', message: 'must be >= 0', keyword: 'minimum' }] },
      {
        value: { count: 1, step: 0.3 },
        issues: [{ path: '/step', message: 'must be multiple of 0.5', keyword: 'multipleOf' }],
      },
    ],
  },
  Tagged: {
    schema: Generated.Tagged,
    jsonSchema: {
      description: '5. An array of strings.',
      type: 'object',
      properties: { tags: { type: 'array', items: { type: 'string' } } },
      required: ['tags'],
    },
    valid: [{ tags: [] }, { tags: ['a', 'b'] }],
    invalid: [
      {
        value: { tags: ['a', 2, 'c', false] },
        issues: [typeIssue('/tags/1', 'string'), typeIssue('/tags/3', 'string')],
      },
      { value: { tags: 'a' }, issues: [typeIssue('/tags', 'array')] },
    ],
  },
  Line: {
    schema: Generated.Line,
    jsonSchema: {
      description: '6. Nested, referenced interfaces.',
      type: 'object',
      properties: { from: { $ref: '#/$defs/Point' }, to: { $ref: '#/$defs/Point' } },
      required: ['from', 'to'],
      $defs: { Point: point },
    },
    valid: [{ from: { x: 0, y: 0 }, to: { x: 1, y: 2 } }],
    invalid: [
      {
        value: { from: { x: 0 }, to: { x: 1, y: 'two' } },
        issues: [required('y', '/from'), typeIssue('/to/y', 'number')],
      },
    ],
  },
  Order: {
    schema: Generated.Order,
    jsonSchema: {
      description: '7. An array of objects.',
      type: 'object',
      properties: {
        id: { type: 'string' },
        items: {
          type: 'array',
          items: {
            type: 'object',
            properties: { sku: { type: 'string' }, quantity: { type: 'number' } },
            required: ['quantity', 'sku'],
          },
        },
      },
      required: ['id', 'items'],
    },
    valid: [
      { id: 'o1', items: [] },
      {
        id: 'o2',
        items: [
          { sku: 'A', quantity: 1 },
          { sku: 'B', quantity: 3 },
        ],
      },
    ],
    invalid: [
      {
        value: { id: 'o3', items: [{ sku: 'A', quantity: 1 }, { sku: 'B' }] },
        issues: [required('quantity', '/items/1')],
      },
    ],
  },
  Status: {
    schema: Generated.Status,
    jsonSchema: {
      description: '8. A string-literal union.',
      type: 'object',
      properties: { state: { enum: ['done', 'failed', 'pending'], type: 'string' } },
      required: ['state'],
    },
    valid: [{ state: 'pending' }, { state: 'done' }, { state: 'failed' }],
    invalid: [
      {
        value: { state: 'cancelled' },
        issues: [
          {
            path: '/state',
            message: 'must be equal to one of the allowed values: "done", "failed", "pending"',
            keyword: 'enum',
          },
        ],
      },
    ],
  },
  Task: {
    schema: Generated.Task,
    jsonSchema: {
      description: '9. String and numeric enums.',
      type: 'object',
      properties: {
        title: { type: 'string' },
        priority: { $ref: '#/$defs/Priority' },
        level: { enum: [0, 1, 2], type: 'number' },
      },
      required: ['priority', 'title'],
      $defs: { Priority: priority },
    },
    valid: [
      { title: 'ship', priority: 'high' },
      { title: 'log', priority: 'low', level: 2 },
    ],
    invalid: [
      {
        value: { title: 'ship', priority: 'urgent', level: 3 },
        issues: [
          { path: '/priority', message: 'must be equal to one of the allowed values: "low", "high"', keyword: 'enum' },
          { path: '/level', message: 'must be equal to one of the allowed values: 0, 1, 2', keyword: 'enum' },
        ],
      },
    ],
  },
  Scores: {
    schema: Generated.Scores,
    jsonSchema: {
      description: '10. A record.',
      type: 'object',
      properties: { byName: { $ref: '#/$defs/Record_string_number' } },
      required: ['byName'],
      $defs: { Record_string_number: { type: 'object', additionalProperties: { type: 'number' } } },
    },
    valid: [{ byName: {} }, { byName: { ada: 1, 'grace hopper': 2.5 } }],
    invalid: [
      { value: { byName: { ada: '1' } }, issues: [typeIssue('/byName/ada', 'number')] },
      { value: { byName: [] }, issues: [typeIssue('/byName', 'object')] },
    ],
  },
  Meeting: {
    schema: Generated.Meeting,
    jsonSchema: {
      description: '11. Dates become date-time strings.',
      type: 'object',
      properties: { at: { type: 'string', format: 'date-time' }, notes: { type: 'string' } },
      required: ['at'],
    },
    valid: [{ at: '2025-03-01T09:30:00Z' }, { at: '2024-02-29T23:59:59.123+02:00', notes: 'leap day' }],
    invalid: [
      {
        value: { at: '2025-02-30T09:30:00Z' },
        issues: [{ path: '/at', message: 'must match format "date-time"', keyword: 'format' }],
      },
      {
        value: { at: '2025-03-01' },
        issues: [{ path: '/at', message: 'must match format "date-time"', keyword: 'format' }],
      },
      { value: { at: 1740821400000 }, issues: [typeIssue('/at', 'string')] },
    ],
  },
  Contact: {
    schema: Generated.Contact,
    jsonSchema: {
      description: '12. String formats.',
      type: 'object',
      properties: {
        email: { format: 'email', type: 'string' },
        website: { format: 'uri', type: 'string' },
        id: { format: 'uuid', type: 'string' },
        birthday: { format: 'date', type: 'string' },
      },
      required: ['email', 'id'],
    },
    valid: [
      {
        email: 'ada@example.com',
        id: '123e4567-e89b-12d3-a456-426614174000',
        website: 'https://example.com/a?b=c',
        birthday: '1815-12-10',
      },
    ],
    invalid: [
      {
        value: { email: 'ada at example', id: 'nope', website: 'example.com', birthday: '1815-13-10' },
        issues: [
          { path: '/email', message: 'must match format "email"', keyword: 'format' },
          { path: '/website', message: 'must match format "uri"', keyword: 'format' },
          { path: '/id', message: 'must match format "uuid"', keyword: 'format' },
          { path: '/birthday', message: 'must match format "date"', keyword: 'format' },
        ],
      },
    ],
  },
  Product: {
    schema: Generated.Product,
    jsonSchema: {
      description: '13. Annotations on strings and numbers, and a default.',
      type: 'object',
      properties: {
        name: { description: "The product's name.", minLength: 1, maxLength: 40, type: 'string' },
        price: { minimum: 0, exclusiveMaximum: 1000000, type: 'number' },
        currency: { pattern: '^[A-Z]{3}$', type: 'string' },
        quantity: { default: 1, type: 'number' },
      },
      required: ['currency', 'name', 'price'],
    },
    valid: [
      { name: 'Tea', price: 0, currency: 'EUR' },
      { name: 'x'.repeat(40), price: 999999.99, currency: 'USD', quantity: 3 },
    ],
    invalid: [
      {
        value: { name: '', price: 1000000, currency: 'eur' },
        issues: [
          { path: '/name', message: 'must NOT have fewer than 1 characters', keyword: 'minLength' },
          { path: '/price', message: 'must be < 1000000', keyword: 'exclusiveMaximum' },
          { path: '/currency', message: 'must match pattern "^[A-Z]{3}$"', keyword: 'pattern' },
        ],
      },
      {
        value: { name: 'x'.repeat(41), price: -1, currency: 'EUR' },
        issues: [
          { path: '/name', message: 'must NOT have more than 40 characters', keyword: 'maxLength' },
          { path: '/price', message: 'must be >= 0', keyword: 'minimum' },
        ],
      },
    ],
  },
  Coordinates: {
    schema: Generated.Coordinates,
    jsonSchema: {
      description: '14. Tuples, with an optional element.',
      type: 'object',
      properties: {
        pair: { type: 'array', items: [{ type: 'number' }, { type: 'number' }], minItems: 2, maxItems: 2 },
        labeled: {
          type: 'array',
          items: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }],
          minItems: 2,
          maxItems: 3,
        },
      },
      required: ['labeled', 'pair'],
    },
    valid: [
      { pair: [1, 2], labeled: ['a', 1] },
      { pair: [0, 0], labeled: ['b', 2, true] },
    ],
    invalid: [
      {
        value: { pair: [1, 2, 3], labeled: [1, 'a'] },
        issues: [
          { path: '/pair', message: 'must NOT have more than 2 items', keyword: 'maxItems' },
          typeIssue('/labeled/0', 'string'),
          typeIssue('/labeled/1', 'number'),
        ],
      },
      {
        value: { pair: [1], labeled: ['a', 1, 'yes'] },
        issues: [
          { path: '/pair', message: 'must NOT have fewer than 2 items', keyword: 'minItems' },
          typeIssue('/labeled/2', 'boolean'),
        ],
      },
    ],
  },
  Nullable: {
    schema: Generated.Nullable,
    jsonSchema: {
      description: '15. Nullable properties, required and optional.',
      type: 'object',
      properties: { middleName: { type: ['null', 'string'] }, nickname: { type: ['null', 'string'] } },
      required: ['middleName'],
    },
    valid: [{ middleName: null }, { middleName: 'Augusta', nickname: null }, { middleName: null, nickname: 'Ada' }],
    invalid: [
      { value: {}, issues: [required('middleName')] },
      { value: { middleName: 3 }, issues: [typeIssue('/middleName', 'null,string')] },
    ],
  },
  Shape: {
    schema: Generated.Shape,
    jsonSchema: {
      description: '16. A discriminated union.',
      anyOf: [
        {
          type: 'object',
          properties: { kind: { type: 'string', enum: ['circle'] }, radius: { type: 'number' } },
          required: ['kind', 'radius'],
        },
        {
          type: 'object',
          properties: { kind: { type: 'string', enum: ['square'] }, side: { type: 'number' } },
          required: ['kind', 'side'],
        },
      ],
    },
    valid: [
      { kind: 'circle', radius: 1 },
      { kind: 'square', side: 2 },
    ],
    invalid: [
      {
        value: { kind: 'circle', side: 2 },
        issues: [
          required('radius'),
          { path: '/kind', message: 'must be equal to one of the allowed values: "square"', keyword: 'enum' },
          { path: '', message: 'must match a schema in anyOf', keyword: 'anyOf' },
        ],
      },
    ],
  },
  Inventory: {
    schema: Generated.Inventory,
    jsonSchema: {
      description: '17. A record of arrays of inline objects.',
      type: 'object',
      properties: { warehouses: { $ref: '#/$defs/Record_string_sku_string_count_number' } },
      required: ['warehouses'],
      $defs: {
        Record_string_sku_string_count_number: {
          type: 'object',
          additionalProperties: {
            type: 'array',
            items: {
              type: 'object',
              properties: { sku: { type: 'string' }, count: { type: 'number' } },
              required: ['count', 'sku'],
            },
          },
        },
      },
    },
    valid: [{ warehouses: { berlin: [{ sku: 'A', count: 2 }], 'new/york': [] } }],
    invalid: [
      { value: { warehouses: { 'new/york': [{ sku: 'A' }] } }, issues: [required('count', '/warehouses/new~1york/0')] },
    ],
  },
  Category: {
    schema: Generated.Category,
    jsonSchema: { ...category, $defs: { Category: category } },
    valid: [
      {
        name: 'root',
        children: [
          { name: 'a', children: [{ name: 'a1', children: [] }] },
          { name: 'b', children: [] },
        ],
      },
    ],
    invalid: [
      {
        value: { name: 'root', children: [{ name: 'a', children: [{ name: 'a1' }] }] },
        issues: [required('children', '/children/0/children/0')],
      },
    ],
  },
  Employee: {
    schema: Generated.Employee,
    jsonSchema: {
      description: '19. Inheritance and utility types.',
      type: 'object',
      properties: { email: { format: 'email', type: 'string' }, name: { type: 'string' }, age: { type: 'number' } },
      required: ['email', 'name'],
    },
    valid: [{ name: 'Ada', email: 'ada@example.com', age: 36 }],
    invalid: [{ value: { email: 'ada@example.com' }, issues: [required('name')] }],
  },
  PublicPerson: {
    schema: Generated.PublicPerson,
    jsonSchema: {
      type: 'object',
      properties: { email: { format: 'email', type: 'string' }, name: { type: 'string' } },
      required: ['email', 'name'],
    },
    valid: [{ name: 'Ada', email: 'ada@example.com' }],
    invalid: [
      {
        value: { name: 'Ada', email: 'ada' },
        issues: [{ path: '/email', message: 'must match format "email"', keyword: 'format' }],
      },
    ],
  },
  PartialPoint: {
    schema: Generated.PartialPoint,
    jsonSchema: { type: 'object', properties: { x: { type: 'number' }, y: { type: 'number' } } },
    valid: [{}, { x: 1 }, { x: 1, y: 2 }],
    invalid: [{ value: { y: 'two' }, issues: [typeIssue('/y', 'number')] }],
  },
  Versioned: {
    schema: Generated.Versioned,
    jsonSchema: {
      description: '20. Literal constants.',
      type: 'object',
      properties: {
        version: { type: 'number', enum: [1] },
        mode: { type: 'string', enum: ['strict'] },
        enabled: { type: 'boolean', enum: [true] },
      },
      required: ['enabled', 'mode', 'version'],
    },
    valid: [{ version: 1, mode: 'strict', enabled: true }],
    invalid: [
      {
        value: { version: 2, mode: 'loose', enabled: false },
        issues: [
          { path: '/version', message: 'must be equal to one of the allowed values: 1', keyword: 'enum' },
          { path: '/mode', message: 'must be equal to one of the allowed values: "strict"', keyword: 'enum' },
          { path: '/enabled', message: 'must be equal to one of the allowed values: true', keyword: 'enum' },
        ],
      },
    ],
  },
  Dataset: {
    schema: Generated.Dataset,
    jsonSchema: {
      description: '21. Nested arrays and anything-goes values.',
      type: 'object',
      properties: {
        rows: { type: 'array', items: { type: 'array', items: { type: 'number' } } },
        metadata: {},
        extra: { type: 'object', additionalProperties: { type: ['string', 'number'] } },
      },
      required: ['metadata', 'rows'],
    },
    valid: [
      { rows: [[1, 2], []], metadata: null },
      { rows: [], metadata: { any: ['thing'] }, extra: { a: 'b', c: 1 } },
    ],
    invalid: [
      {
        value: { rows: [[1, '2']], metadata: 1, extra: { a: true } },
        issues: [typeIssue('/rows/0/1', 'number'), typeIssue('/extra/a', 'string,number')],
      },
    ],
  },
  LineItem: {
    schema: Generated.LineItem,
    jsonSchema: lineItem,
    valid: [{ description: 'Tea', quantity: 2, unitPrice: 3.5 }],
    invalid: [
      {
        value: { description: 'Tea', quantity: 0, unitPrice: 1 },
        issues: [{ path: '/quantity', message: 'must be >= 1', keyword: 'minimum' }],
      },
    ],
  },
  Invoice: {
    schema: Generated.Invoice,
    jsonSchema: {
      description: '22. Everything at once: an invoice.',
      type: 'object',
      properties: {
        number: { pattern: '^INV-\\d{4}$', type: 'string' },
        issuedAt: { type: 'string', format: 'date-time' },
        status: { enum: ['draft', 'paid', 'sent'], type: 'string' },
        customer: {
          allOf: [
            { $ref: '#/$defs/Person' },
            {
              type: 'object',
              properties: {
                address: {
                  type: 'object',
                  properties: { street: { type: 'string' }, city: { type: 'string' }, zip: { type: 'string' } },
                  required: ['city', 'street'],
                },
              },
            },
          ],
        },
        lines: { minItems: 1, type: 'array', items: { $ref: '#/$defs/LineItem' } },
        taxes: { $ref: '#/$defs/Record_string_number' },
        notes: { type: ['null', 'string'] },
        priority: { $ref: '#/$defs/Priority' },
      },
      required: ['customer', 'issuedAt', 'lines', 'number', 'priority', 'status'],
      $defs: {
        Person: person,
        LineItem: lineItem,
        Record_string_number: { type: 'object', additionalProperties: { type: 'number' } },
        Priority: priority,
      },
    },
    valid: [
      {
        number: 'INV-0042',
        issuedAt: '2025-01-31T12:00:00Z',
        status: 'sent',
        customer: { name: 'Ada', address: { street: '1 Analytical Way', city: 'London' } },
        lines: [{ description: 'Engine', quantity: 1, unitPrice: 1000 }],
        taxes: { vat: 200 },
        notes: null,
        priority: 'high',
      },
    ],
    invalid: [
      {
        value: {
          number: 'INV-42',
          issuedAt: 'yesterday',
          status: 'void',
          customer: { address: { street: 'x' } },
          lines: [],
          priority: 'low',
        },
        issues: [
          { path: '/number', message: 'must match pattern "^INV-\\d{4}$"', keyword: 'pattern' },
          { path: '/issuedAt', message: 'must match format "date-time"', keyword: 'format' },
          {
            path: '/status',
            message: 'must be equal to one of the allowed values: "draft", "paid", "sent"',
            keyword: 'enum',
          },
          required('name', '/customer'),
          required('city', '/customer/address'),
          { path: '/lines', message: 'must NOT have fewer than 1 items', keyword: 'minItems' },
        ],
      },
    ],
  },
};

describe('generateSchemas over __fixtures__/interfaces.ts', () => {
  const generated = generateSchemas({
    files: [join(fixtures, 'interfaces.ts')],
    output: join(fixtures, 'interfaces.gen.ts'),
  });

  it('generates every exported interface and non-generic alias, in source order', () => {
    expect(generated.schemas.map((schema) => schema.typeName)).toEqual([
      'Flag',
      'SentimentAnalysis',
      'Person',
      'Counter',
      'Tagged',
      'Point',
      'Line',
      'Order',
      'Status',
      'Task',
      'Scores',
      'Meeting',
      'Contact',
      'Product',
      'Coordinates',
      'Nullable',
      'Shape',
      'Inventory',
      'Category',
      'Employee',
      'PublicPerson',
      'PartialPoint',
      'Versioned',
      'Dataset',
      'LineItem',
      'Invoice',
    ]);
    expect(generated.schemas.filter((schema) => schema.usesDate).map((schema) => schema.typeName)).toEqual([
      'Meeting',
      'Invoice',
    ]);
  });

  it('is deterministic and the committed module is up to date', () => {
    const again = generateSchemas({
      files: [join(fixtures, 'interfaces.ts')],
      output: join(fixtures, 'interfaces.gen.ts'),
    });
    expect(again.code).toBe(generated.code);
    expect(readFileSync(join(fixtures, 'interfaces.gen.ts'), 'utf8')).toBe(generated.code);
  });

  it('does not depend on the working directory', () => {
    const elsewhere = generateSchemas({ files: ['interfaces.ts'], output: 'interfaces.gen.ts', cwd: fixtures });
    expect(elsewhere.code).toBe(generated.code);
  });

  it('imports only fromAjvValidator of @rig-ts/typed at run time (no compiler), and uses no eval', () => {
    const imports = generated.code.split('\n').filter((line) => line.startsWith('import'));
    expect(imports).toEqual([
      "import { fromAjvValidator } from '@rig-ts/typed';",
      "import type { JsonOf, TypedSchema } from '@rig-ts/typed';",
      "import type * as Source from './interfaces.js';",
    ]);
    expect(generated.code).not.toMatch(/require\(|new Function|eval\(/);
  });

  it('types each constant, with JsonOf where the type holds a Date', () => {
    expect(generated.code).toContain(
      'export const Flag: TypedSchema<Source.Flag> = /* @__PURE__ */ fromAjvValidator(validate10, { name: "Flag", description: "1. One required boolean.", jsonSchema: schema$Flag });',
    );
    expect(generated.code).toContain('export type Flag = Source.Flag;');
    expect(generated.code).toContain('export const Meeting: TypedSchema<JsonOf<Source.Meeting>> = ');
    expect(generated.code).toContain(
      'export const Point: TypedSchema<Source.Point> = /* @__PURE__ */ fromAjvValidator(validate15, { name: "Point", jsonSchema: schema$Point });',
    );
  });

  const reference = new Ajv({ allErrors: true, strict: false });
  ajvFormats.default(reference);

  for (const [name, testCase] of Object.entries(cases)) {
    describe(name, () => {
      it('has the expected JSON Schema, name and description', () => {
        expect(testCase.schema.jsonSchema).toEqual(testCase.jsonSchema);
        expect(generated.schemas.find((schema) => schema.typeName === name)!.jsonSchema).toEqual(testCase.jsonSchema);
        expect(testCase.schema.name).toBe(name);
        expect(testCase.schema.description).toBe(testCase.jsonSchema.description);
      });

      it('accepts the valid samples', () => {
        for (const value of testCase.valid) expect(testCase.schema.validate(value)).toEqual({ success: true, value });
      });

      it('rejects the invalid samples with exact issues', () => {
        for (const { value, issues } of testCase.invalid)
          expect(testCase.schema.validate(value)).toEqual({ success: false, issues });
      });

      it('agrees with ajv compiling the same schema at run time', () => {
        const validate = reference.compile(testCase.jsonSchema);
        for (const value of [...testCase.valid, ...testCase.invalid.map((sample) => sample.value)]) {
          const expected = validate(value);
          const result = testCase.schema.validate(value);
          expect(result.success).toBe(expected);
          if (!result.success)
            expect(result.issues.map((issue) => [issue.path, issue.keyword])).toEqual(
              validate.errors!.map((error) => [error.instancePath, error.keyword]),
            );
        }
      });
    });
  }

  it('covers every generated schema with a test case', () => {
    expect(Object.keys(cases).sort()).toEqual(
      generated.schemas
        .map((schema) => schema.typeName)
        .filter((name) => name !== 'Point')
        .sort(),
    );
    expect(Generated.Point.validate({ x: 1, y: 2 })).toEqual({ success: true, value: { x: 1, y: 2 } });
    expect(Generated.Point.validate({ x: 1 })).toEqual({ success: false, issues: [required('y')] });
  });
});

describe('modules generated elsewhere in the repository', () => {
  it("@rig-ts/typed's test schemas (also used by the typed size-budget entry) are up to date", () => {
    const typedTestUtils = fileURLToPath(new URL('../../typed/src/test-utils/', import.meta.url));
    const { code, schemas } = generateSchemas({
      files: [join(typedTestUtils, 'schemas.ts')],
      output: join(typedTestUtils, 'schemas.gen.ts'),
    });
    expect(schemas.map((schema) => schema.typeName)).toEqual([
      'SentimentAnalysis',
      'CityLocation',
      'Character',
      'Characters',
      'Ingredient',
      'Recipe',
      'Profile',
    ]);
    expect(readFileSync(join(typedTestUtils, 'schemas.gen.ts'), 'utf8')).toBe(code);
  });
});

describe('generateSchemas options', () => {
  it('generates only the requested types, enums included', () => {
    const { schemas, code } = generateSchemas({
      files: [join(fixtures, 'interfaces.ts')],
      output: join(fixtures, 'x.gen.ts'),
      types: ['Priority', 'Flag'],
    });
    expect(schemas.map((schema) => [schema.typeName, schema.jsonSchema])).toEqual([
      ['Priority', priority],
      [
        'Flag',
        {
          description: '1. One required boolean.',
          type: 'object',
          properties: { enabled: { type: 'boolean' } },
          required: ['enabled'],
        },
      ],
    ]);
    expect(code).toContain("import type * as Source from './interfaces.js';");
  });

  it('rejects undeclared properties with noExtraProps', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'rig-schema-'));
    writeFileSync(
      join(directory, 'strict.ts'),
      'export interface Strict {\n  a: string;\n  nested: { b: number };\n}\n',
    );
    const { schemas, code } = generateSchemas({
      files: [join(directory, 'strict.ts')],
      output: join(directory, 'strict.gen.ts'),
      noExtraProps: true,
    });
    expect(schemas[0]!.jsonSchema).toEqual({
      type: 'object',
      properties: {
        a: { type: 'string' },
        nested: { type: 'object', properties: { b: { type: 'number' } }, required: ['b'], additionalProperties: false },
      },
      required: ['a', 'nested'],
      additionalProperties: false,
    });
    writeFileSync(join(directory, 'strict.gen.ts'), code);
    // As in a user's project: the generated module's one run-time import, @rig-ts/typed, installed beside it.
    const typedPackage = dirname(createRequire(import.meta.url).resolve('@rig-ts/typed/package.json'));
    mkdirSync(join(directory, 'node_modules', '@rig-ts'), { recursive: true });
    symlinkSync(typedPackage, join(directory, 'node_modules', '@rig-ts', 'typed'), 'dir');
    const module = (await import(join(directory, 'strict.gen.ts'))) as { Strict: TypedSchema<unknown> };
    expect(module.Strict.validate({ a: 'x', nested: { b: 1, c: 2 }, d: 3 })).toEqual({
      success: false,
      issues: [
        { path: '', message: "must NOT have additional properties: 'd'", keyword: 'additionalProperties' },
        { path: '/nested', message: "must NOT have additional properties: 'c'", keyword: 'additionalProperties' },
      ],
    });
  });

  it('imports several source files under separate aliases', () => {
    const directory = mkdtempSync(join(tmpdir(), 'rig-schema-'));
    writeFileSync(join(directory, 'a.ts'), 'export interface A {\n  a: string;\n}\n');
    writeFileSync(join(directory, 'b.mts'), "import type { A } from './a.js';\nexport interface B {\n  a: A;\n}\n");
    const { code, schemas } = generateSchemas({
      files: [join(directory, 'a.ts'), join(directory, 'b.mts')],
      output: join(directory, 'out', 'schemas.gen.ts'),
    });
    expect(schemas.map((schema) => schema.typeName)).toEqual(['A', 'B']);
    expect(code).toContain("import type * as Source1 from '../a.js';\nimport type * as Source2 from '../b.mjs';\n");
    expect(code).toContain('export const B: TypedSchema<Source2.B> = ');
  });
});

describe('generateSchemas errors name the file and the type', () => {
  const inexpressible = join(fixtures, 'inexpressible.ts');
  const generate = (types?: string[]) => () =>
    generateSchemas({
      files: [inexpressible],
      output: join(fixtures, 'x.gen.ts'),
      cwd: here,
      ...(types ? { types } : {}),
    });

  it.each([
    [
      ['WithCallback'],
      '__fixtures__/inexpressible.ts: type WithCallback: WithCallback.onDone is a function, which JSON Schema cannot express',
    ],
    [
      ['WithMethod'],
      '__fixtures__/inexpressible.ts: type WithMethod: WithMethod.greet is a function, which JSON Schema cannot express',
    ],
    [
      ['WithSymbol'],
      '__fixtures__/inexpressible.ts: type WithSymbol: WithSymbol.id is a symbol, which JSON cannot hold',
    ],
    [
      ['WithBigInt'],
      '__fixtures__/inexpressible.ts: type WithBigInt: WithBigInt.nested[].amount is a bigint, which JSON cannot hold (use number or string)',
    ],
    [
      ['Box'],
      '__fixtures__/inexpressible.ts: type Box: Box is generic: generate a concrete alias instead, e.g. `export type BoxOfString = Box<string>`',
    ],
    [
      ['StringNest'],
      '__fixtures__/inexpressible.ts: type StringNest: StringNest.next.next.next.next.next.next.next.next.next.next.next.next.next.next… nests more than 48 levels deep: the type expands without end (a recursive generic JSON Schema cannot express; give the recursive part a non-generic name)',
    ],
    [
      ['Nope'],
      'type Nope is not exported by ' +
        inexpressible +
        ' (exported types: WithCallback, WithMethod, WithSymbol, WithBigInt, Box, Nest, StringNest, Fine)',
    ],
  ])('%j', (types, message) => {
    let thrown: unknown;
    try {
      generate(types)();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SchemaGenerationError);
    expect((thrown as Error).message).toBe(message);
    if (types[0] !== 'Nope')
      expect({
        file: (thrown as SchemaGenerationError).file,
        typeName: (thrown as SchemaGenerationError).typeName,
      }).toEqual({ file: '__fixtures__/inexpressible.ts', typeName: types[0] });
  });

  it('stops at the first inexpressible type when generating everything', () => {
    expect(generate()).toThrow('__fixtures__/inexpressible.ts: type WithCallback: WithCallback.onDone is a function');
  });

  it('reports type errors with their position', () => {
    const directory = mkdtempSync(join(tmpdir(), 'rig-schema-'));
    writeFileSync(join(directory, 'broken.ts'), 'export interface Broken {\n  value: Missing;\n}\n');
    expect(() => generateSchemas({ files: ['broken.ts'], output: 'broken.gen.ts', cwd: directory })).toThrow(
      new SchemaGenerationError({
        message: "the sources do not type-check:\nbroken.ts(2,10): error TS2304: Cannot find name 'Missing'.",
        file: 'broken.ts',
      }),
    );
  });

  it('reports missing files, no types, and an output that is also an input', () => {
    const directory = mkdtempSync(join(tmpdir(), 'rig-schema-'));
    writeFileSync(join(directory, 'values.ts'), 'export const value = 1;\n');
    expect(() => generateSchemas({ files: ['missing.ts'], output: 'x.gen.ts', cwd: directory })).toThrow(
      'missing.ts: file not found',
    );
    expect(() => generateSchemas({ files: ['values.ts'], output: 'x.gen.ts', cwd: directory })).toThrow(
      'no exported interface or type alias in values.ts',
    );
    expect(() => generateSchemas({ files: ['values.ts'], output: 'values.ts', cwd: directory })).toThrow(
      'values.ts: the output file is also an input file',
    );
  });
});
