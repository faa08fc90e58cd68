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
    const model = traced(new MockCompletionModel(['one two three']), { tracerProvider: harness.tracerProvider, meterProvider: harness.meterProvider, abandonAfterMs: 1000 });
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
        status: { code: 'ERROR', message: 'the stream was neither read to its end, nor cancelled, nor failed, and had no activity for 1000 ms' },
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

  it.each(['iterator', 'final'] as const)('is not abandoned while a read (%s) is waiting on the provider', async (consumer) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const model = traced(new MockCompletionModel([{ text: 'slow answer', delayMs: 5000 }]), { tracerProvider: harness.tracerProvider, abandonAfterMs: 1000 });
    const stream = await model.streamPrompt('x');
    const reading = consumer === 'final' ? stream.final : (async () => {
      for await (const item of stream) void item;
    })();
    await vi.advanceTimersByTimeAsync(4900);
    expect(harness.spans()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(20_000);
    await reading;
    expect(harness.spans().map((span) => [span.status.code, span.attributes['error.type']])).toEqual([[0, undefined]]);
  });

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
