import type { JsonSchema } from '@rig-ts/core';
import { describe, expect, it } from 'vitest';
import { generateSchemaInstance } from '../schema/generate-schema-instance.js';
import { pickFromPrompt } from './pick-from-prompt.js';
import { calculation, sentimentAnalysis, weatherQuery } from '../test-utils/demo-schemas.js';

/** The instance the simulator answers for `schema` after `prompt`. */
function answer(schema: JsonSchema, prompt: string): unknown {
  return generateSchemaInstance(schema, { pick: pickFromPrompt(prompt) });
}

describe('pickFromPrompt', () => {
  it('fills the demos: the city named, the operation and numbers named, a sentiment that fits', () => {
    expect(answer(weatherQuery, 'What is the weather in Paris?')).toEqual({ city: 'Paris' });
    expect(answer(calculation, 'calculator: 6 times 7')).toEqual({ operation: 'multiply', a: 6, b: 7 });
    expect(answer(sentimentAnalysis, "Analyze the sentiment of: 'I love this product!'")).toEqual({
      score: 0.75,
      label: 'positive',
    });
    expect(answer(sentimentAnalysis, "Analyze the sentiment of: 'The worst purchase I ever made.'")).toEqual({
      score: -0.67,
      label: 'negative',
    });
    expect(answer(sentimentAnalysis, "Analyze the sentiment of: 'The box is blue.'")).toEqual({
      score: 0,
      label: 'neutral',
    });
  });

  it('keeps the placeholder where the prompt has nothing that fits', () => {
    expect(answer(weatherQuery, 'What is the weather?')).toEqual({ city: 'city' });
    expect(answer(calculation, 'use the calculator')).toEqual({ operation: 'add', a: 1, b: 1 });
    expect(
      answer(
        { type: 'object', properties: { note: { type: 'string' }, flag: { type: 'boolean' } } },
        'What is the weather in Paris?',
      ),
    ).toEqual({ note: 'note', flag: true });
  });

  it('takes numbers in order, each once, skipping those outside a field’s bounds', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        count: { type: 'integer', minimum: 1, maximum: 5 },
        price: { type: 'number', exclusiveMinimum: 0 },
        step: { type: 'number', multipleOf: 0.5 },
        rest: { type: 'integer' },
      },
    };
    // 7 is too big for count, 2.5 is not an integer; -1 is not above 0 for price; 2.25 is no multiple of 0.5.
    expect(answer(schema, 'take 7, then 2.5, then -1, then 3 and 2.25')).toEqual({
      count: 3,
      price: 7,
      step: 2.5,
      rest: -1,
    });
    expect(
      answer({ type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } } }, '12 divided by four'),
    ).toEqual({ a: 12, b: 4 });
  });

  it('chooses an enum value the prompt names, or one meaning its operation, or a sentiment label that fits', () => {
    const zone: JsonSchema = {
      type: 'object',
      properties: { zone: { type: 'string', enum: ['UTC', 'CET', 'Pacific Time'] } },
    };
    expect(answer(zone, 'the time in cet please')).toEqual({ zone: 'CET' });
    expect(answer(zone, 'what time is it in pacific time?')).toEqual({ zone: 'Pacific Time' });
    expect(answer(zone, 'what time is it?')).toEqual({ zone: 'UTC' });
    const symbols: JsonSchema = {
      type: 'object',
      properties: { op: { enum: ['+', '-', '*', '/'] }, x: { type: 'integer' }, y: { type: 'integer' } },
    };
    expect(answer(symbols, 'What is 12/4?')).toEqual({ op: '/', x: 12, y: 4 });
    expect(answer(symbols, 'ten minus three')).toEqual({ op: '-', x: 10, y: 3 });
    const review: JsonSchema = {
      type: 'object',
      properties: { verdict: { type: 'string', enum: ['POSITIVE', 'NEUTRAL', 'NEGATIVE'] } },
    };
    expect(answer(review, 'I hate waiting')).toEqual({ verdict: 'NEGATIVE' });
    expect(answer(review, 'It arrived.')).toEqual({ verdict: 'NEUTRAL' });
    const level: JsonSchema = { type: 'object', properties: { level: { type: 'integer', enum: [1, 2, 3] } } };
    expect(answer(level, 'level 3 please')).toEqual({ level: 3 });
  });

  it('scales a sentiment score into the field’s range, and labels a bare label when the prompt asks about sentiment', () => {
    const stars: JsonSchema = {
      type: 'object',
      properties: { rating: { type: 'integer', minimum: 1, maximum: 5 }, label: { type: 'string' } },
    };
    expect(answer(stars, 'Review: I love it, amazing!')).toEqual({ rating: 5, label: 'positive' });
    expect(answer(stars, 'Review: terrible.')).toEqual({ rating: 2, label: 'negative' });
    expect(answer(stars, 'Review: terrible, I hate it!')).toEqual({ rating: 1, label: 'negative' });
    // Without a word about sentiment, a label or rating is not a sentiment: the numbers named and the placeholder.
    expect(answer(stars, 'Name this chart: 4 bars')).toEqual({ rating: 4, label: 'label' });
    const unit: JsonSchema = { type: 'object', properties: { sentiment: { type: 'number', minimum: 0, maximum: 1 } } };
    expect(answer(unit, 'I love it')).toEqual({ sentiment: 0.84 });
  });

  it('passes the prompt to a query field, and places to each item of a list of cities', () => {
    expect(answer({ type: 'object', properties: { query: { type: 'string' } } }, '  rust async runtimes ')).toEqual({
      query: 'rust async runtimes',
    });
    const cities: JsonSchema = {
      type: 'object',
      properties: { cities: { type: 'array', items: { type: 'string' }, minItems: 3 } },
    };
    expect(answer(cities, 'Compare the weather in Lyon and in Nice')).toEqual({ cities: ['Lyon', 'Nice', 'cities-2'] });
  });

  it('never picks a value the schema would refuse: lengths, patterns and formats keep the generated value', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        city: { type: 'string', maxLength: 3 },
        town: { type: 'string', pattern: '^[a-z]+$' },
        place: { type: 'string', format: 'uri' },
        query: { type: 'string', minLength: 100 },
      },
    };
    expect(answer(schema, 'Weather in Paris')).toEqual({
      city: 'cit',
      town: 'town',
      place: 'https://example.com/',
      query: `query${'x'.repeat(95)}`,
    });
    // Unique items are generated: a picked value could repeat.
    expect(
      answer({ type: 'array', items: { type: 'string', enum: ['a', 'b'] }, uniqueItems: true, minItems: 2 }, 'b'),
    ).toEqual(['a', 'b']);
  });

  it('is deterministic: the same prompt and schema give the same instance', () => {
    const prompt = 'What is the weather in Paris? Also 6 times 7, I love it!';
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        city: { type: 'string' },
        op: { enum: ['add', 'multiply'] },
        a: { type: 'number' },
        mood: { type: 'string' },
      },
    };
    expect(answer(schema, prompt)).toEqual({ city: 'Paris', op: 'multiply', a: 6, mood: 'positive' });
    expect(answer(schema, prompt)).toEqual(answer(schema, prompt));
  });
});
