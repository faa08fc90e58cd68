import { StructuredOutputError, type CompletionResponse } from '@rig-ts/core';
import { collectUntilError } from '@rig-ts/fixtures/collect-until-error';
import { describe, expect, it } from 'vitest';
import { readTypedStreamResponse } from './read-typed-stream-response.js';
import type { PartialValueStream } from './stream-wire.js';
import { collect, itemsOf, sampleResponse } from './test-utils/wire-samples.js';
import { toStreamResponse } from './to-stream-response.js';

interface Recipe {
  name: string;
  steps: string[];
}

const partials = [
  {},
  { name: 'Las' },
  { name: 'Lasagna' },
  { name: 'Lasagna', steps: [] },
  { name: 'Lasagna', steps: ['Boil'] },
  { name: 'Lasagna', steps: ['Boil', 'Bake'] },
];
const recipe: Recipe = { name: 'Lasagna', steps: ['Boil', 'Bake'] };
const response: CompletionResponse = {
  ...sampleResponse,
  choice: [{ type: 'text', text: JSON.stringify(recipe) }],
  rawResponse: undefined,
};

/** A typed stream as `streamTyped` returns it: partials updated in place, then the value and the response. */
function typedStream(outcome: {
  value: Promise<unknown>;
  fail?: unknown;
}): PartialValueStream & { cancelled: unknown[] } {
  const cancelled: unknown[] = [];
  async function* run(): AsyncGenerator<unknown> {
    const tree: { [key: string]: unknown } = {};
    for (const partial of partials) {
      for (const key of Object.keys(tree)) delete tree[key];
      Object.assign(tree, structuredClone(partial));
      yield tree;
    }
    if (outcome.fail !== undefined) throw outcome.fail;
  }
  outcome.value.catch(() => undefined);
  return {
    [Symbol.asyncIterator]: () => run(),
    value: outcome.value,
    response: Promise.resolve(response),
    cancel: (reason) => cancelled.push(reason),
    cancelled,
  };
}

describe('readTypedStreamResponse ∘ toStreamResponse(streamTyped(…))', () => {
  it('gives back each partial, deep-equal, then the value and the response', async () => {
    const stream = readTypedStreamResponse<Recipe>(toStreamResponse(typedStream({ value: Promise.resolve(recipe) })));
    expect(await collect(stream)).toEqual(partials);
    expect(await stream.value).toEqual(recipe);
    const { rawResponse: _raw, ...sent } = response;
    expect(await stream.response).toEqual(sent);
    expect(stream.usage()).toEqual(response.usage);
    expect(stream.requestId).toBe('req_2');
  });

  it('gives the value when only `value` is awaited', async () => {
    expect(
      await readTypedStreamResponse<Recipe>(toStreamResponse(typedStream({ value: Promise.resolve(recipe) }))).value,
    ).toEqual(recipe);
  });

  it('re-validates in the browser with a schema, when given one', async () => {
    const schema = {
      validate: (value: unknown) => ({
        success: false as const,
        issues: [{ path: '/steps', message: 'must have 3 items' }],
      }),
    };
    const stream = readTypedStreamResponse<Recipe>(toStreamResponse(typedStream({ value: Promise.resolve(recipe) })), {
      schema,
    });
    await expect(stream.value).rejects.toMatchObject({
      name: 'StructuredOutputError.Validation',
      message: 'the value does not match the schema: /steps must have 3 items',
      value: recipe,
    });
    const passing = readTypedStreamResponse<Recipe>(toStreamResponse(typedStream({ value: Promise.resolve(recipe) })), {
      schema: { validate: (value) => ({ success: true, value: { ...(value as Recipe), checked: true } }) },
    });
    expect(await passing.value).toEqual({ ...recipe, checked: true });
  });

  it('throws the server’s validation error after the last partial', async () => {
    const failure = new StructuredOutputError({
      kind: 'validation',
      message: 'x',
      rawText: '{}',
      value: {},
      errors: [{ path: '', message: "must have required property 'name'" }],
    });
    const stream = readTypedStreamResponse<Recipe>(
      toStreamResponse(typedStream({ value: Promise.reject(failure), fail: failure })),
    );
    const { items: seen, error } = await collectUntilError(stream);
    expect(seen).toEqual(partials);
    expect(StructuredOutputError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      kind: 'validation',
      value: {},
      errors: [{ path: '', message: "must have required property 'name'" }],
      message: 'the model output does not match the schema',
    });
    await expect(stream.value).rejects.toBe(error);
  });

  it('rejects value for a stream that is not typed', async () => {
    const plain = readTypedStreamResponse(
      toStreamResponse({
        ...typedStream({ value: Promise.resolve(undefined) }),
        [Symbol.asyncIterator]: () => itemsOf([]),
      }),
    );
    await expect(plain.value).rejects.toMatchObject({ name: 'StructuredOutputError.Empty' });
  });

  it('cancel() stops the stream and cancels the server’s typed stream', async () => {
    const source = typedStream({ value: new Promise(() => undefined) });
    const never = {
      ...source,
      [Symbol.asyncIterator]: async function* () {
        yield {};
        await new Promise(() => undefined);
      },
    };
    const response = toStreamResponse(never);
    const stream = readTypedStreamResponse<Recipe>(response);
    const iterator = stream[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ value: {}, done: false });
    stream.cancel('stop');
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
    await expect(stream.value).rejects.toBe('stop');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(source.cancelled).toEqual(['stop']);
  });
});
