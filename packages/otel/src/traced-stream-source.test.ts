import {
  BaseCompletionModel,
  CompletionError,
  type CompletionResponse,
  type StreamedAssistantContent,
  type StreamingCompletionResponse,
} from '@rig-ts/core';
import { MockCompletionModel } from '@rig-ts/testkit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OtelHarness } from './test-utils/otel-harness.js';
import { traced } from './traced-model.js';

let harness: OtelHarness;
beforeEach(() => {
  harness = new OtelHarness();
});
afterEach(() => vi.useRealTimers());

describe('a traced stream nobody finishes', () => {
  it('is ended as abandoned between one and two abandonAfterMs after its last item; no duration is recorded', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const model = traced(new MockCompletionModel(['one two three']), {
      tracerProvider: harness.tracerProvider,
      meterProvider: harness.meterProvider,
      abandonAfterMs: 1000,
    });
    const stream = await model.streamPrompt('x');
    const iterator = stream[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ type: 'text', text: 'one' });
    vi.advanceTimersByTime(1000);
    expect(harness.spans()).toHaveLength(0);
    vi.advanceTimersByTime(1000);
    expect(harness.tree()).toEqual([
      {
        name: 'chat mock-model',
        kind: 'CLIENT',
        status: {
          code: 'ERROR',
          message: 'the stream was neither read to its end, nor cancelled, nor failed, and had no activity for 1000 ms',
        },
        attributes: {
          'gen_ai.operation.name': 'chat',
          'gen_ai.provider.name': 'mock',
          'gen_ai.request.model': 'mock-model',
          'gen_ai.request.stream': true,
          'gen_ai.response.time_to_first_chunk': expect.any(Number),
          'error.type': 'abandoned',
        },
        events: [],
        children: [],
      },
    ]);
    const histograms = await harness.histograms();
    expect(histograms['gen_ai.client.operation.duration']).toBeUndefined();
    expect(histograms['gen_ai.client.operation.time_to_first_chunk']!.points).toHaveLength(1);
    // Read on after all: the stream is the model's, untouched; the span stays as it was.
    const rest: string[] = [];
    for (let result = await iterator.next(); !result.done; result = await iterator.next()) rest.push(result.value.type);
    expect(rest).toEqual(['text', 'text', 'final']);
    expect(harness.spans()).toHaveLength(1);
  });

  it.each(['iterator', 'final'] as const)(
    'is not abandoned while a read (%s) is waiting on the provider',
    async (consumer) => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const model = traced(new MockCompletionModel([{ text: 'slow answer', delayMs: 5000 }]), {
        tracerProvider: harness.tracerProvider,
        abandonAfterMs: 1000,
      });
      const stream = await model.streamPrompt('x');
      // `final` reads the stream once it is awaited (reading the property starts nothing, as on any rig-ts stream).
      const reading =
        consumer === 'final'
          ? stream.final.then(() => undefined)
          : (async () => {
              for await (const item of stream) void item;
            })();
      await vi.advanceTimersByTimeAsync(4900);
      expect(harness.spans()).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(20_000);
      await reading;
      expect(harness.spans().map((span) => [span.status.code, span.attributes['error.type']])).toEqual([
        [0, undefined],
      ]);
    },
  );

  it('a stream read to the end leaves no timer behind', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const model = traced(new MockCompletionModel(['done']), { tracerProvider: harness.tracerProvider });
    const stream = await model.streamPrompt('x');
    expect(vi.getTimerCount()).toBe(1);
    for await (const item of stream) void item;
    // The in-memory exporter reports each export through a 0 ms timer: let those run first.
    vi.advanceTimersByTime(1);
    expect(vi.getTimerCount()).toBe(0);
    expect(harness.spans()).toHaveLength(1);
  });
});

/** A model whose stream yields one text item and then ends without its `final` item (breaking the stream contract). */
class EndsWithoutFinalModel extends BaseCompletionModel {
  readonly provider = 'mock';

  constructor() {
    super('no-final');
  }

  completion(): Promise<CompletionResponse> {
    return Promise.reject(new Error('not used'));
  }

  stream(): Promise<StreamingCompletionResponse> {
    const items: StreamedAssistantContent[] = [{ type: 'text', text: 'half' }];
    const stream: StreamingCompletionResponse = {
      requestId: undefined,
      final: new Promise<CompletionResponse>(() => undefined),
      textStream: {
        [Symbol.asyncIterator]: () => ({ next: () => Promise.resolve({ value: undefined, done: true as const }) }),
      },
      usage: () => undefined,
      tokenUsage: () => undefined,
      cancel: () => undefined,
      toReadableStream: () => new ReadableStream<StreamedAssistantContent>(),
      [Symbol.asyncIterator]: () => {
        const iterator = items[Symbol.iterator]();
        return { next: () => Promise.resolve(iterator.next()) };
      },
    };
    return Promise.resolve(stream);
  }
}

describe('a traced stream read in other ways', () => {
  it('cancelling toReadableStream() after the first item ends the span once, as cancelled', async () => {
    const model = traced(new MockCompletionModel(['one two three']), { tracerProvider: harness.tracerProvider });
    const stream = await model.streamPrompt('x');
    const reader = stream.toReadableStream().getReader();
    expect((await reader.read()).value).toMatchObject({ type: 'text', text: 'one' });
    await reader.cancel(new Error('enough'));
    await expect(stream.final).rejects.toThrow('enough');
    expect(harness.spans().map((span) => [span.status, span.attributes['error.type']])).toEqual([
      [{ code: 2, message: 'the stream was cancelled by its consumer' }, 'cancelled'],
    ]);
  });

  it('textStream read to its end ends the span with the response, and usage() is the final usage', async () => {
    const model = traced(new MockCompletionModel(['one two']), { tracerProvider: harness.tracerProvider });
    const stream = await model.streamPrompt('x');
    let text = '';
    for await (const chunk of stream.textStream) text += chunk;
    expect(text).toBe('one two');
    expect(stream.usage()).toEqual((await stream.final).usage);
    expect(harness.spans().map((span) => span.status.code)).toEqual([0]);
  });

  it('keeps the usage and a successful span when the reader leaves at the final item', async () => {
    const model = traced(new MockCompletionModel(['one two']), { tracerProvider: harness.tracerProvider });
    const stream = await model.streamPrompt('x');
    let final: Extract<StreamedAssistantContent, { type: 'final' }> | undefined;
    for await (const item of stream) {
      if (item.type !== 'final') continue;
      final = item;
      break;
    }
    expect(stream.usage()).toEqual(final!.usage);
    expect(await stream.final).toBe(final!.response);
    expect(harness.spans().map((span) => span.status.code)).toEqual([0]);
  });

  it('fails as truncated, span and reader alike, when the wrapped stream ends without its final item', async () => {
    const model = traced(new EndsWithoutFinalModel(), { tracerProvider: harness.tracerProvider });
    const stream = await model.streamPrompt('x');
    const seen: string[] = [];
    const error = await (async () => {
      for await (const item of stream) seen.push(item.type);
    })().catch((caught: unknown) => caught);
    expect(seen).toEqual(['text']);
    expect(CompletionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      kind: 'response',
      reason: 'truncated',
      message: 'stream ended before its final item (truncated response)',
    });
    await expect(stream.final).rejects.toBe(error);
    expect(harness.spans().map((span) => span.attributes['error.type'])).toEqual(['CompletionError.Response']);
  });
});
