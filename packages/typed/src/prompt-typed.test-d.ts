import type { CompletionModel, CompletionResponse } from '@rig-ts/core';
import { describe, expectTypeOf, it } from 'vitest';
import { jsonSchema } from './ajv.js';
import {
  extract,
  fromStandardSchema,
  parseStructuredOutput,
  promptTyped,
  promptTypedWithDetails,
  streamTyped,
  type DeepPartial,
  type InferTyped,
  type StandardSchemaV1,
  type TypedSchema,
  type TypedStream,
} from './index.js';

interface Person {
  name: string;
  age?: number;
  born: Date;
}
declare const model: CompletionModel;
declare const Person: TypedSchema<Person>;

describe('promptTyped and its siblings infer T from the schema', () => {
  it('from a TypedSchema', () => {
    expectTypeOf(promptTyped(model, Person, 'who?')).resolves.toEqualTypeOf<Person>();
    expectTypeOf(extract(model, Person, 'Ada, born 1815')).resolves.toEqualTypeOf<Person>();
    const details = promptTypedWithDetails(model, Person, 'who?');
    expectTypeOf(details).resolves.toHaveProperty('value').toEqualTypeOf<Person>();
    expectTypeOf(details).resolves.toHaveProperty('responses').toEqualTypeOf<CompletionResponse[]>();
    expectTypeOf<InferTyped<typeof Person>>().toEqualTypeOf<Person>();
  });

  it('from a run-time JSON Schema given its type, unknown without one', () => {
    const Named = jsonSchema<{ name: string }>({
      type: 'object',
      properties: { name: { type: 'string' } },
      required: ['name'],
    });
    expectTypeOf(promptTyped(model, Named, 'name?')).resolves.toEqualTypeOf<{ name: string }>();
    expectTypeOf(promptTyped(model, jsonSchema({ type: 'object' }), 'x')).resolves.toEqualTypeOf<unknown>();
  });

  it('from a Standard Schema validator (zod, valibot, arktype …): its output type', () => {
    const validator = {} as StandardSchemaV1<{ raw: string }, { score: number }>;
    const Score = fromStandardSchema(validator, { jsonSchema: { type: 'object' } });
    expectTypeOf(Score).toEqualTypeOf<TypedSchema<{ score: number }>>();
    expectTypeOf(promptTyped(model, Score, 'rate it')).resolves.toEqualTypeOf<{ score: number }>();
  });

  it('streams deep-partial values, then the whole value', () => {
    const stream = streamTyped(model, Person, 'who?');
    expectTypeOf(stream).resolves.toEqualTypeOf<TypedStream<Person>>();
    expectTypeOf<TypedStream<Person>['value']>().toEqualTypeOf<Promise<Person>>();
    expectTypeOf<TypedStream<Person>>().toExtend<AsyncIterable<DeepPartial<Person>>>();
    expectTypeOf<DeepPartial<Person>>().toEqualTypeOf<{ name?: string; age?: number; born?: DeepPartial<Date> }>();
  });

  it('narrows a parse result on success', () => {
    const result = parseStructuredOutput(Person, '{}');
    if (result.success) expectTypeOf(result.value).toEqualTypeOf<Person>();
    else expectTypeOf(result).not.toHaveProperty('value');
  });

  it('refuses what is not a schema', () => {
    // @ts-expect-error a JSON Schema object alone is not a TypedSchema: wrap it with jsonSchema() or fromStandardSchema()
    void promptTyped(model, { type: 'object' }, 'x');
    // @ts-expect-error the model comes first
    void promptTyped(Person, model, 'x');
  });
});
