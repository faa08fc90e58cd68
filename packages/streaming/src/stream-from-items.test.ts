import { CompletionError, type CompletionResponse, type StreamedAssistantContent } from '@rig-ts/core';
import { collectUntilError } from '@rig-ts/fixtures/collect-until-error';
import { describe, expect, it } from 'vitest';
import { streamFromItems } from './stream-from-items.js';
import { StreamingResponse } from './streaming-response.js';
import { collect } from './test-utils/wire-samples.js';

const usage = { promptTokens: 1, completionTokens: 2, totalTokens: 3 };
const response: CompletionResponse = {
  choice: [{ type: 'text', text: 'ab' }],
  usage,
  finishReason: 'stop',
  rawResponse: { raw: true },
};
const final: StreamedAssistantContent = { type: 'final', usage, finishReason: 'stop', response };

async function* items(...values: StreamedAssistantContent[]): AsyncGenerator<StreamedAssistantContent> {
  for (const value of values) yield value;
}

/** A source the test feeds by hand, recording when it is asked for items and whether it was closed. */
function manualSource() {
  const waiting: ((result: IteratorResult<StreamedAssistantContent>) => void)[] = [];
  const ready: IteratorResult<StreamedAssistantContent>[] = [];
  const log: string[] = [];
  const give = (result: IteratorResult<StreamedAssistantContent>) => {
    const waiter = waiting.shift();
    if (waiter) waiter(result);
    else ready.push(result);
  };
  const iterator: AsyncIterator<StreamedAssistantContent> = {
    next: () => {
      log.push('next');
      const result = ready.shift();
      return result ? Promise.resolve(result) : new Promise((resolve) => waiting.push(resolve));
    },
    return: () => {
      log.push('return');
      return Promise.resolve({ value: undefined, done: true });
    },
  };
  return {
    iterator,
    log,
    push: (item: StreamedAssistantContent) => give({ value: item, done: false }),
    end: () => give({ value: undefined, done: true }),
  };
}

describe('streamFromItems', () => {
  it('passes the items on and resolves final with the last final item’s response', async () => {
    const stream = streamFromItems(items({ type: 'text', text: 'a' }, { type: 'text', text: 'b' }, final), {
      requestId: () => 'req_1',
    });
    expect(stream).toBeInstanceOf(StreamingResponse);
    expect(stream.usage()).toBeUndefined();
    expect(await collect(stream)).toEqual([{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }, final]);
    expect(await stream.final).toBe(response);
    expect(stream.usage()).toEqual(usage);
    expect(stream.tokenUsage()).toEqual(usage);
    expect(stream.requestId).toBe('req_1');
  });

  it('has the one-reader guard: a second reader gets an error and takes no items from the first', async () => {
    const stream = streamFromItems(items({ type: 'text', text: 'a' }, { type: 'text', text: 'b' }, final));
    const first = stream[Symbol.asyncIterator]();
    await expect(collect(stream.textStream)).rejects.toThrow('this stream is already being consumed');
    expect(() => stream.toReadableStream()).not.toThrow();
    await expect(stream.toReadableStream().getReader().read()).rejects.toThrow('this stream is already being consumed');
    const seen: StreamedAssistantContent[] = [];
    for (let result = await first.next(); !result.done; result = await first.next()) seen.push(result.value);
    expect(seen).toEqual([{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }, final]);
  });

  it('final alone reads the items to the end; textStream, and toReadableStream give the same stream', async () => {
    expect(await streamFromItems(items({ type: 'text', text: 'a' }, final)).final).toBe(response);
    expect(
      await collect(
        streamFromItems(
          items(
            { type: 'text', text: 'a' },
            { type: 'reasoning-delta', text: 'r' },
            { type: 'text', text: 'b' },
            final,
          ),
        ).textStream,
      ),
    ).toEqual(['a', 'b']);
    const reader = streamFromItems(items({ type: 'text', text: 'a' }, final))
      .toReadableStream()
      .getReader();
    expect([await reader.read(), await reader.read(), await reader.read()]).toEqual([
      { value: { type: 'text', text: 'a' }, done: false },
      { value: final, done: false },
      { value: undefined, done: true },
    ]);
  });

  it('ends with the very error the source throws, after the items before it; final rejects with it', async () => {
    const failure = new CompletionError({ kind: 'provider', message: 'overloaded' });
    async function* failing(): AsyncGenerator<StreamedAssistantContent> {
      yield { type: 'text', text: 'a' };
      throw failure;
    }
    const stream = streamFromItems(failing());
    const { items: seen, error } = await collectUntilError(stream);
    expect(seen).toEqual([{ type: 'text', text: 'a' }]);
    expect(error).toBe(failure);
    await expect(stream.final).rejects.toBe(failure);
    expect(stream.usage()).toBeUndefined();
  });

  it('a source that ends without a final item is a truncated stream, never a success', async () => {
    const error = await streamFromItems(items({ type: 'text', text: 'a' })).final.catch((caught: unknown) => caught);
    expect(CompletionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      kind: 'response',
      reason: 'truncated',
      message: 'stream ended before its final item (truncated response)',
    });
  });

  it('cancel() ends the iteration quietly, delivers nothing the source yields later, tells the source once and rejects final', async () => {
    const source = manualSource();
    const aborted: unknown[] = [];
    const stream = streamFromItems(source.iterator, { onAbort: (reason) => aborted.push(reason) });
    const iterator = stream[Symbol.asyncIterator]();
    const firstItem = iterator.next();
    source.push({ type: 'text', text: 'a' });
    expect(await firstItem).toEqual({ value: { type: 'text', text: 'a' }, done: false });
    const pending = iterator.next();
    stream.cancel('user stop');
    stream.cancel('again');
    source.push({ type: 'text', text: 'late' });
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
    await expect(stream.final).rejects.toBe('user stop');
    expect(aborted).toEqual(['user stop']);
    expect(source.log).toEqual(['next', 'next', 'return']);
  });

  it('breaking out of the loop cancels with an AbortError', async () => {
    const aborted: unknown[] = [];
    const stream = streamFromItems(items({ type: 'text', text: 'a' }, { type: 'text', text: 'b' }, final), {
      onAbort: (reason) => aborted.push(reason),
    });
    for await (const item of stream) {
      expect(item).toEqual({ type: 'text', text: 'a' });
      break;
    }
    expect(aborted).toHaveLength(1);
    expect(aborted[0]).toMatchObject({ name: 'AbortError' });
    await expect(stream.final).rejects.toBe(aborted[0]);
  });

  it('reads the source only as the consumer pulls', async () => {
    const source = manualSource();
    const stream = streamFromItems(source.iterator);
    const { final: finalResponse, textStream } = stream;
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(source.log).toEqual([]);
    const iterator = textStream[Symbol.asyncIterator]();
    const first = iterator.next();
    expect(source.log).toEqual(['next']);
    source.push({ type: 'text', text: 'a' });
    expect(await first).toEqual({ value: 'a', done: false });
    const second = iterator.next();
    source.push(final);
    source.end();
    expect(await second).toEqual({ value: undefined, done: true });
    expect(await finalResponse).toBe(response);
  });
});
