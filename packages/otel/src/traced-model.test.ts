import * as openai from '@rig-ts/openai';
import { StreamingResponse } from '@rig-ts/streaming';
import { CompletionError, PromptError } from '@rig-ts/core';
import { describe, expect, it } from 'vitest';
import { DURATION_BUCKETS, TOKEN_USAGE_BUCKETS } from './gen-ai-attributes.js';
import { traced } from './traced-model.js';
import { useTracedSimulator } from './test-utils/use-traced-simulator.js';

const setup = useTracedSimulator();

const ANSWER = 'You said: "hello". This is a simulated answer from the rig-ts simulator.';
// The simulator's ids are deterministic: the first request after reset() gets these.
const FIRST_RESPONSE_ID = 'resp_14cf9325c085eb12c032939830a863c4c3b45041d743239414';

/** The response and usage attributes of the simulator's answer to `hello` (the id: the first one after reset()). */
const firstAnswer = {
  'gen_ai.response.id': FIRST_RESPONSE_ID,
  'gen_ai.response.model': 'gpt-4o',
  'gen_ai.response.finish_reasons': ['stop'],
  'gen_ai.usage.input_tokens': 2,
  'gen_ai.usage.output_tokens': 18,
  'gen_ai.usage.cache_read.input_tokens': 0,
  'gen_ai.usage.reasoning.output_tokens': 0,
};

/** The one `chat gpt-4o` span of a call: the chat attributes and `attributes`, ended with `status`. */
const chatSpan = (attributes: object, status: object = { code: 'UNSET' }, events: object[] = []) => ({
  name: 'chat gpt-4o',
  kind: 'CLIENT',
  status,
  attributes: { ...setup.chatAttributes(), ...attributes },
  events,
  children: [],
});

describe('traced(model): a prompt', () => {
  it('makes one CLIENT span `chat gpt-4o` with the request, response and usage attributes', async () => {
    const model = setup.tracedGpt4o();
    const response = await model.completionRequest('hello').temperature(0.5).maxTokens(100).send();
    expect(response.choice).toMatchObject([{ type: 'text', text: ANSWER }]);
    expect(setup.harness.tree()).toEqual([
      chatSpan({ 'gen_ai.request.temperature': 0.5, 'gen_ai.request.max_tokens': 100, ...firstAnswer }),
    ]);
    expect(setup.simulator.requests).toHaveLength(1);
    expect(setup.simulator.requests[0]!.body).toMatchObject({
      model: 'gpt-4o',
      temperature: 0.5,
      max_output_tokens: 100,
    });
  });

  it('records gen_ai.client.operation.duration and gen_ai.client.token.usage with the advised buckets', async () => {
    const model = setup.tracedGpt4o();
    expect(await model.prompt('hello')).toBe(ANSWER);
    const metricAttributes = { ...setup.chatAttributes(), 'gen_ai.response.model': 'gpt-4o' };
    const histograms = await setup.harness.histograms();
    expect(Object.keys(histograms).sort()).toEqual(['gen_ai.client.operation.duration', 'gen_ai.client.token.usage']);
    expect(histograms['gen_ai.client.operation.duration']).toEqual({
      unit: 's',
      points: [{ attributes: metricAttributes, count: 1, sum: expect.any(Number), boundaries: [...DURATION_BUCKETS] }],
    });
    expect(histograms['gen_ai.client.operation.duration']!.points[0]!.sum).toBeGreaterThan(0);
    expect(histograms['gen_ai.client.token.usage']).toEqual({
      unit: '{token}',
      points: [
        {
          attributes: { ...metricAttributes, 'gen_ai.token.type': 'input' },
          count: 1,
          sum: 2,
          boundaries: [...TOKEN_USAGE_BUCKETS],
        },
        {
          attributes: { ...metricAttributes, 'gen_ai.token.type': 'output' },
          count: 1,
          sum: 18,
          boundaries: [...TOKEN_USAGE_BUCKETS],
        },
      ],
    });
  });

  it('traces every way of calling: prompt, chat, completion(), the builder, streamPrompt, streamChat', async () => {
    const model = setup.tracedGpt4o();
    await model.prompt('a');
    await model.chat('b', []);
    await model.completion(model.completionRequest('c').build());
    await model.completionRequest('d').send();
    await (
      await model.streamPrompt('e')
    ).final;
    await (
      await model.streamChat('f', [])
    ).final;
    await (
      await model.completionRequest('g').stream()
    ).final;
    const spans = setup.harness.spans();
    expect(spans.map((span) => [span.name, span.attributes['gen_ai.request.stream'] ?? false])).toEqual([
      ['chat gpt-4o', false],
      ['chat gpt-4o', false],
      ['chat gpt-4o', false],
      ['chat gpt-4o', false],
      ['chat gpt-4o', true],
      ['chat gpt-4o', true],
      ['chat gpt-4o', true],
    ]);
    expect(setup.simulator.requests).toHaveLength(7);
  });

  it('names the span after the request model when a request overrides it', async () => {
    const model = setup.tracedGpt4o();
    await model.completionRequest('hello').model('gpt-4o-mini').send();
    expect(
      setup.harness
        .spans()
        .map((span) => [span.name, span.attributes['gen_ai.request.model'], span.attributes['gen_ai.response.model']]),
    ).toEqual([['chat gpt-4o-mini', 'gpt-4o-mini', 'gpt-4o-mini']]);
  });
});

describe('traced(model): a stream', () => {
  it('ends the span at the final item, with the time to first chunk and the streamed response', async () => {
    const model = setup.tracedGpt4o();
    const stream = await model.streamPrompt('hello');
    expect(setup.harness.spans()).toHaveLength(0);
    let text = '';
    for await (const chunk of stream.textStream) text += chunk;
    expect(text).toBe(ANSWER);
    const [span] = setup.harness.tree();
    expect(span).toEqual(
      chatSpan({
        'gen_ai.request.stream': true,
        'gen_ai.response.time_to_first_chunk': expect.any(Number),
        ...firstAnswer,
      }),
    );
    const timeToFirstChunk = span!.attributes['gen_ai.response.time_to_first_chunk'] as number;
    const duration = setup.harness.spans()[0]!.duration;
    expect(timeToFirstChunk).toBeGreaterThan(0);
    expect(timeToFirstChunk).toBeLessThanOrEqual(duration[0] + duration[1] / 1e9);
    const histograms = await setup.harness.histograms();
    expect(histograms['gen_ai.client.operation.time_to_first_chunk']).toEqual({
      unit: 's',
      points: [
        { attributes: setup.chatAttributes(), count: 1, sum: timeToFirstChunk, boundaries: [...DURATION_BUCKETS] },
      ],
    });
    expect(histograms['gen_ai.client.token.usage']!.points.map((point) => point.sum)).toEqual([2, 18]);
  });

  it('ends the span when only `final` is awaited (no time to first chunk: no item is seen)', async () => {
    const model = setup.tracedGpt4o();
    const response = await (await model.streamPrompt('hello')).final;
    expect(response.usage).toMatchObject({ promptTokens: 2, completionTokens: 18 });
    const [span] = setup.harness.spans();
    expect(span!.attributes).toMatchObject({
      'gen_ai.response.id': FIRST_RESPONSE_ID,
      'gen_ai.usage.output_tokens': 18,
    });
    expect(span!.attributes['gen_ai.response.time_to_first_chunk']).toBeUndefined();
  });

  it('a second consumer gets the stream’s own misuse error and leaves the span alone', async () => {
    const model = setup.tracedGpt4o();
    const stream = await model.streamPrompt('hello');
    const first = stream[Symbol.asyncIterator]();
    await first.next();
    await expect(stream[Symbol.asyncIterator]().next()).rejects.toThrow('this stream is already being consumed');
    for (let result = await first.next(); !result.done; result = await first.next());
    expect(setup.harness.spans().map((span) => span.status.code)).toEqual([0]);
  });
});

describe('traced(model): a cancelled stream', () => {
  it('leaving `for await` early ends the span as cancelled, with the duration under error.type cancelled', async () => {
    const model = setup.tracedGpt4o();
    const stream = await model.streamPrompt('hello');
    for await (const item of stream) if (item.type === 'text') break;
    expect(setup.harness.tree()).toEqual([
      chatSpan(
        {
          'gen_ai.request.stream': true,
          'gen_ai.response.time_to_first_chunk': expect.any(Number),
          'error.type': 'cancelled',
        },
        { code: 'ERROR', message: 'the stream was cancelled by its consumer' },
      ),
    ]);
    const histograms = await setup.harness.histograms();
    expect(histograms['gen_ai.client.operation.duration']!.points.map((point) => point.attributes)).toEqual([
      { ...setup.chatAttributes(), 'error.type': 'cancelled' },
    ]);
    expect(histograms['gen_ai.client.token.usage']).toBeUndefined();
  });

  it('cancel() before any item ends the span as cancelled, and `final` rejecting afterwards changes nothing', async () => {
    const model = setup.tracedGpt4o();
    const stream = await model.streamPrompt('hello');
    const final = stream.final;
    stream.cancel();
    await expect(final).rejects.toMatchObject({ name: 'AbortError' });
    expect(setup.harness.spans().map((span) => [span.status, span.attributes['error.type']])).toEqual([
      [{ code: 2, message: 'the stream was cancelled by its consumer' }, 'cancelled'],
    ]);
  });

  it("the caller's signal aborting a stream ends the span as cancelled", async () => {
    const model = setup.tracedGpt4o();
    const controller = new AbortController();
    const stream = await model.streamPrompt('hello', {
      signal: controller.signal,
      headers: { 'x-sim-delay-ms': '20' },
    });
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    const reason = new Error('user pressed stop');
    controller.abort(reason);
    await expect(iterator.next()).rejects.toBe(reason);
    expect(setup.harness.spans().map((span) => [span.status, span.attributes['error.type']])).toEqual([
      [{ code: 2, message: 'the call was cancelled by its caller' }, 'cancelled'],
    ]);
  });
});

describe('traced(model): failures and retries', () => {
  it('a 429 then a success is ONE span: the call, its retry inside it (the conventions: a span covers the logical operation with all retries)', async () => {
    const model = setup.tracedGpt4o();
    const answer = await model.prompt('hello', {
      headers: { 'x-sim-fault': '429', 'x-sim-fault-count': '1', 'x-sim-retry-after': '1ms' },
    });
    expect(answer).toBe(ANSWER);
    expect(setup.simulator.requests.map((request) => request.fault ?? 'none')).toEqual(['429', 'none']);
    expect(setup.harness.tree()).toEqual([
      // The retry is the simulator's second request: another id.
      chatSpan({ ...firstAnswer, 'gen_ai.response.id': expect.stringMatching(/^resp_/) }),
    ]);
  });

  it('a 429 after the last retry fails the span: error.type 429, error status, an exception event; the duration under error.type', async () => {
    const model = setup.tracedGpt4o();
    const error = await model
      .prompt('hello', {
        maxRetries: 1,
        headers: { 'x-sim-fault': '429', 'x-sim-fault-count': '5', 'x-sim-retry-after': '1ms' },
      })
      .catch((caught: unknown) => caught);
    expect(PromptError.isInstance(error)).toBe(true);
    const cause = (error as PromptError).cause as CompletionError;
    expect(CompletionError.isInstance(cause)).toBe(true);
    expect(cause).toMatchObject({ kind: 'http', status: 429, attempts: 2 });
    expect(setup.simulator.requests).toHaveLength(2);
    expect(setup.harness.tree()).toEqual([
      chatSpan({ 'error.type': '429' }, { code: 'ERROR', message: cause.message }, [
        {
          name: 'exception',
          attributes: { 'exception.type': 'CompletionError.Http', 'exception.message': cause.message },
        },
      ]),
    ]);
    const histograms = await setup.harness.histograms();
    expect(
      histograms['gen_ai.client.operation.duration']!.points.map((point) => [point.attributes, point.count]),
    ).toEqual([[{ ...setup.chatAttributes(), 'error.type': '429' }, 1]]);
    expect(histograms['gen_ai.client.token.usage']).toBeUndefined();
  });

  it('a stream that fails mid-way ends its span failed with the stream error', async () => {
    const model = setup.tracedGpt4o();
    const stream = await model.streamPrompt('hello', { headers: { 'x-sim-fault': 'no-end' } });
    const error = await (async () => {
      for await (const item of stream) void item;
    })().catch((caught: unknown) => caught);
    expect(CompletionError.isInstance(error)).toBe(true);
    expect(
      setup.harness
        .spans()
        .map((span) => [span.status.code, span.attributes['error.type'], span.events.map((event) => event.name)]),
    ).toEqual([[2, 'CompletionError.Response', ['exception']]]);
  });
});

describe('traced(model) with metrics only', () => {
  it('records the histograms without any span when only a meter provider records', async () => {
    const client = new openai.Client({ apiKey: 'sk-test', baseURL: setup.simulator.baseURLs.openai });
    const model = traced(client.completionModel('gpt-4o'), { meterProvider: setup.harness.meterProvider });
    for await (const item of await model.streamPrompt('hello')) void item;
    const histograms = await setup.harness.histograms();
    expect(Object.keys(histograms).sort()).toEqual([
      'gen_ai.client.operation.duration',
      'gen_ai.client.operation.time_to_first_chunk',
      'gen_ai.client.token.usage',
    ]);
    expect(
      histograms['gen_ai.client.token.usage']!.points.map((point) => [
        point.attributes['gen_ai.token.type'],
        point.sum,
      ]),
    ).toEqual([
      ['input', 2],
      ['output', 18],
    ]);
    expect(setup.harness.spans()).toHaveLength(0);
  });
});

describe('traced(model) with no SDK registered', () => {
  it('answers as the model does and hands back the model’s own stream (no per-chunk work)', async () => {
    const client = new openai.Client({ apiKey: 'sk-test', baseURL: setup.simulator.baseURLs.openai });
    const model = traced(client.completionModel('gpt-4o'));
    expect(await model.prompt('hello')).toBe(ANSWER);
    const stream = await model.streamPrompt('hello');
    expect(stream).toBeInstanceOf(StreamingResponse);
    expect((await stream.final).choice).toMatchObject([{ type: 'text', text: ANSWER }]);
    expect(setup.harness.spans()).toHaveLength(0);
  });
});
