import { type } from 'arktype';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fromStandardSchema } from './from-standard-schema.js';
import { promptTyped } from './prompt-typed.js';
import { ScriptedModel, textResponse } from './test-utils/scripted-model.js';

describe('fromStandardSchema', () => {
  it('wraps a zod 4 schema: zod validates (and transforms), its JSON Schema export describes the input', async () => {
    const Sentiment = fromStandardSchema(
      z
        .object({
          score: z.number().min(-1).max(1).describe('The sentiment score'),
          label: z.enum(['positive', 'negative']),
          tags: z.array(z.string()).optional(),
        })
        .describe('A sentiment'),
      { name: 'Sentiment' },
    );
    expect(Sentiment.name).toBe('Sentiment');
    expect(Sentiment.description).toBe('A sentiment');
    expect(Sentiment.jsonSchema).toEqual({
      type: 'object',
      description: 'A sentiment',
      properties: {
        score: { type: 'number', minimum: -1, maximum: 1, description: 'The sentiment score' },
        label: { type: 'string', enum: ['positive', 'negative'] },
        tags: { type: 'array', items: { type: 'string' } },
      },
      // The input schema: zod strips unknown keys, so the model may send them.
      required: ['score', 'label'],
    });
    expect(Sentiment.validate({ score: 0.5, label: 'positive' })).toEqual({
      success: true,
      value: { score: 0.5, label: 'positive' },
    });
    expect(Sentiment.validate({ score: 2, label: 'meh', tags: [1] })).toEqual({
      success: false,
      issues: [
        { path: '/score', message: 'Too big: expected number to be <=1' },
        { path: '/label', message: 'Invalid option: expected one of "positive"|"negative"' },
        { path: '/tags/0', message: 'Invalid input: expected string, received number' },
      ],
    });
    const model = new ScriptedModel([textResponse('{"score": 0.8, "label": "positive"}')]);
    const result = await promptTyped(model, Sentiment, 'I love it');
    const score: number = result.score;
    expect(score).toBe(0.8);
    expect(model.requests[0]!.request.outputSchema).toEqual({
      name: 'Sentiment',
      description: 'A sentiment',
      schema: Sentiment.jsonSchema,
    });
  });

  it('returns the library output, transforms applied', () => {
    const Trimmed = fromStandardSchema(z.object({ name: z.string().transform((name) => name.trim()) }), {
      name: 'Trimmed',
      jsonSchema: { type: 'object', properties: { name: { type: 'string' } } },
    });
    expect(Trimmed.validate({ name: '  Ada ' })).toEqual({ success: true, value: { name: 'Ada' } });
  });

  it('wraps an arktype schema with its own JSON Schema export', () => {
    const Point = fromStandardSchema(type({ x: 'number', y: 'number' }), { name: 'Point' });
    expect(Point.jsonSchema).toEqual({
      type: 'object',
      properties: { x: { type: 'number' }, y: { type: 'number' } },
      required: ['x', 'y'],
    });
    expect(Point.validate({ x: 1, y: 2 })).toEqual({ success: true, value: { x: 1, y: 2 } });
    const failed = Point.validate({ x: 1 });
    expect(failed).toEqual({ success: false, issues: [{ path: '/y', message: 'y must be a number (was missing)' }] });
  });

  it('needs a JSON Schema for valibot, which cannot export one by itself', () => {
    const schema = v.object({ name: v.pipe(v.string(), v.minLength(2)) });
    expect(() => fromStandardSchema(schema, { name: 'Named' })).toThrow(
      new TypeError(
        'fromStandardSchema: the valibot schema "Named" cannot export a JSON Schema; pass one as options.jsonSchema',
      ),
    );
    const Named = fromStandardSchema(schema, {
      name: 'Named',
      jsonSchema: {
        title: 'ignored title',
        type: 'object',
        properties: { name: { type: 'string', minLength: 2 } },
        required: ['name'],
      },
    });
    expect(Named.name).toBe('Named');
    expect(Named.validate({ name: 'A' })).toEqual({
      success: false,
      issues: [{ path: '/name', message: 'Invalid length: Expected >=2 but received 1' }],
    });
    expect(Named.validate({ name: 'Ada' })).toEqual({ success: true, value: { name: 'Ada' } });
  });

  it('refuses asynchronous validation when it happens', () => {
    const Async = fromStandardSchema(z.object({ id: z.string().refine(async () => true) }), { name: 'Async' });
    expect(() => Async.validate({ id: 'x' })).toThrow(
      new TypeError(
        'fromStandardSchema: the zod schema validates asynchronously; typed output needs synchronous validation',
      ),
    );
  });

  it('names the schema from its title, else response_schema, and escapes path segments', () => {
    expect(fromStandardSchema(z.object({ a: z.string() }).meta({ title: 'Titled' })).name).toBe('Titled');
    expect(fromStandardSchema(z.string()).name).toBe('response_schema');
    const slashed = fromStandardSchema(z.object({ 'a/b': z.object({ '~c': z.number() }) }));
    expect(slashed.validate({ 'a/b': { '~c': 'x' } })).toEqual({
      success: false,
      issues: [{ path: '/a~1b/~0c', message: 'Invalid input: expected number, received string' }],
    });
  });
});
