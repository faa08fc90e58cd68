import { chunkLines } from '@rig-ts/fixtures';
import { CompletionError, isCancelled, Message, RigError, StructuredOutputError } from '@rig-ts/core';
import { describe, expect, it } from 'vitest';
import { streamTyped } from './stream-typed.js';
import { memoryTransport } from './test-utils/memory-transport.js';
import { ScriptedModel } from './test-utils/scripted-model.js';
import { Characters, SentimentAnalysis } from './test-utils/schemas.gen.js';
import { textStreamBody } from './test-utils/text-stream-adapter.js';

const usage = { promptTokens: 313, completionTokens: 305, totalTokens: 618 };

/** The text deltas of vercel/ai's recorded Anthropic native-output stream (three role-playing characters). */
function recordedDeltas(): string[] {
  const deltas: string[] = [];
  for (const line of chunkLines('anthropic/vercel-ai/anthropic-json-output-format.1.chunks.txt')) {
    const event = JSON.parse(line) as { type: string; delta?: { type: string; text: string } };
    if (event.type === 'content_block_delta' && event.delta?.type === 'text_delta') deltas.push(event.delta.text);
  }
  return deltas;
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(structuredClone(item));
  return items;
}

describe('streamTyped', () => {
  it('streams partial values of the recorded answer, then the validated value', async () => {
    const deltas = recordedDeltas();
    const model = new ScriptedModel([], [{ deltas, usage }]);
    const stream = await streamTyped(model, Characters, 'Three characters for a fantasy game', {
      preamble: 'Be creative.',
    });
    const partials = await collect(stream);
    const expected = JSON.parse(deltas.join('')) as Characters;
    expect(partials.slice(0, 5)).toEqual([
      {},
      { characters: [{ name: 'Th' }] },
      { characters: [{ name: 'Theron' }] },
      { characters: [{ name: 'Theron Iron' }] },
      { characters: [{ name: 'Theron Ironheart', class: 'warrior' }] },
    ]);
    // One partial per delta (114), but for the delta that only completes the first key.
    expect(partials.length).toBe(113);
    expect(partials.at(-1)).toEqual(expected);
    expect(partials.map((partial) => partial.characters?.length ?? 0)).toEqual(
      [...partials.map((partial) => partial.characters?.length ?? 0)].sort((a, b) => a - b),
    );
    expect(await stream.value).toEqual(expected);
    expect((await stream.value).characters.map((character) => character.class)).toEqual(['warrior', 'mage', 'thief']);
    expect(stream.usage()).toEqual(usage);
    expect((await stream.response).finishReason).toBe('stop');
    expect(stream.requestId).toBe('req_memory');
    expect(model.requests).toEqual([
      {
        request: {
          chatHistory: [Message.user('Three characters for a fantasy game')],
          documents: [],
          tools: [],
          preamble: 'Be creative.',
          outputSchema: { name: 'Characters', schema: Characters.jsonSchema },
        },
        options: {},
      },
    ]);
  });

  it('gives the same value when only `value` is awaited (the stream is drained without parsing partials)', async () => {
    const deltas = recordedDeltas();
    const stream = await streamTyped(new ScriptedModel([], [{ deltas, usage }]), Characters, 'Three characters');
    expect(await stream.value).toEqual(JSON.parse(deltas.join('')));
    expect(stream.usage()).toEqual(usage);
    await expect(stream[Symbol.asyncIterator]().next()).rejects.toThrow(
      new RigError({ message: 'this typed stream is already being consumed: iterate it once, or await `value` alone' }),
    );
  });

  it('throws the validation error after the last partial, and `value` rejects with it', async () => {
    const stream = await streamTyped(
      new ScriptedModel([], [{ deltas: ['{"score":', ' 3, "lab', 'el": "positive"}'], usage }]),
      SentimentAnalysis,
      'Rate this',
    );
    const partials: unknown[] = [];
    const error = await (async () => {
      for await (const partial of stream) partials.push(structuredClone(partial));
    })().catch((caught: unknown) => caught);
    expect(partials).toEqual([{}, { score: 3 }, { score: 3, label: 'positive' }]);
    expect(error).toMatchObject({
      name: 'StructuredOutputError.Validation',
      rawText: '{"score": 3, "label": "positive"}',
      errors: [{ path: '/score', message: 'must be <= 1', keyword: 'maximum' }],
    });
    await expect(stream.value).rejects.toBe(error);
    expect(stream.usage()).toEqual(usage);
  });

  it('reports a broken stream as a completion error caused by the CompletionError', async () => {
    const transport = memoryTransport(textStreamBody(['{"score": 0.'], usage).slice(0, 1));
    const stream = await streamTyped(new ScriptedModel([], [transport]), SentimentAnalysis, 'Rate this');
    const error = await collect(stream).catch((caught: unknown) => caught);
    expect(StructuredOutputError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      kind: 'completion',
      message: 'stream ended before the provider signalled completion (truncated response)',
    });
    expect(CompletionError.isInstance((error as Error).cause)).toBe(true);
    expect((error as Error).cause).toMatchObject({ kind: 'response', reason: 'truncated' });
    await expect(stream.value).rejects.toBe(error);
  });

  it('cancels: iteration ends, the connection is released, and `value` rejects with the reason, as a stream’s final does', async () => {
    const transport = memoryTransport([], { open: true });
    transport.push(textStreamBody(['{"score": 0.5, "label": "pos'], usage)[0]!);
    const stream = await streamTyped(new ScriptedModel([], [transport]), SentimentAnalysis, 'Rate this');
    const partials: unknown[] = [];
    for await (const partial of stream) {
      partials.push(structuredClone(partial));
      stream.cancel('enough');
    }
    expect(partials).toEqual([{ score: 0.5, label: 'pos' }]);
    expect(transport.aborted).toEqual(['enough']);
    expect(transport.settled).toBe(1);
    await expect(stream.value).rejects.toBe('enough');
    await expect(stream.response).rejects.toBe('enough');
  });

  it('cancels when the consumer breaks out of the loop', async () => {
    const transport = memoryTransport([], { open: true });
    transport.push(textStreamBody(['{"score": 0.5, "label": "pos'], usage)[0]!);
    const stream = await streamTyped(new ScriptedModel([], [transport]), SentimentAnalysis, 'Rate this');
    for await (const partial of stream) {
      expect(partial).toEqual({ score: 0.5, label: 'pos' });
      break;
    }
    expect(transport.aborted.length).toBe(1);
    const error = await stream.value.catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(isCancelled(error)).toBe(true);
  });

  it('fails as a completion error when the provider refuses the stream', async () => {
    const cause = new CompletionError({ kind: 'http', status: 429, message: 'HTTP 429 Too Many Requests' });
    const error = await streamTyped(new ScriptedModel([], [cause]), SentimentAnalysis, 'Rate this').catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ name: 'StructuredOutputError.Completion', message: 'HTTP 429 Too Many Requests' });
    expect((error as Error).cause).toBe(cause);
  });
});

describe('streamTyped with a validator that throws', () => {
  const throwing = {
    name: 'Broken',
    jsonSchema: { type: 'object' },
    validate(): never {
      throw new Error('validator bug');
    },
  };
  const settledWithin = (promise: Promise<unknown>, ms: number) =>
    Promise.race([
      promise.then(
        (value) => ({ resolved: value }),
        (error: unknown) => ({ rejected: error }),
      ),
      new Promise((resolve) => setTimeout(() => resolve('still pending'), ms)),
    ]);

  it('awaited alone: `value` rejects with the validator’s error instead of never settling', async () => {
    const stream = await streamTyped(new ScriptedModel([], [{ deltas: ['{"a":1}'], usage }]), throwing, 'x');
    expect(await settledWithin(stream.value, 2000)).toEqual({ rejected: new Error('validator bug') });
  });

  it('iterated: the iteration throws the validator’s error after the partials, and `value` rejects with it', async () => {
    const stream = await streamTyped(new ScriptedModel([], [{ deltas: ['{"a":', '1}'], usage }]), throwing, 'x');
    const error = await collect(stream).catch((caught: unknown) => caught);
    expect(error).toEqual(new Error('validator bug'));
    expect(await settledWithin(stream.value, 2000)).toEqual({ rejected: error });
  });
});
