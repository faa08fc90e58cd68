import { CompletionError, Message, type CompletionRequest, type StreamedAssistantContent } from '@rig-ts/core';
import { StreamingResponse } from '@rig-ts/streaming';
import { sendJson, startLoopbackServer } from '@rig-ts/fixtures/loopback';
import * as openai from '@rig-ts/openai';
import { MockCompletionModel } from '@rig-ts/testkit';
import { describe, expect, it } from 'vitest';
import { AgentBuilder } from './agent-builder.js';
import { fallback } from './fallback.js';

describe('fallback', () => {
  it('moves on when the first model answers 503 after its own retries', async () => {
    const down = await startLoopbackServer((_request, response) =>
      sendJson(response, 503, { error: { message: 'The engine is currently overloaded' } }, { 'retry-after-ms': '1' }),
    );
    try {
      const first = new openai.Client({ apiKey: 'k', baseURL: `${down.url}/v1`, maxRetries: 2 }).completionModel(
        'gpt-4o',
      );
      const second = new MockCompletionModel(['answer from the second model']);
      const model = fallback([first, second]);
      expect(model.modelId).toBe('openai:gpt-4o > mock:mock-model');
      expect(await model.prompt('hi')).toBe('answer from the second model');
      expect(down.requests).toHaveLength(3);
      expect(second.calls).toHaveLength(1);
    } finally {
      await down.close();
    }
  });

  it('does not fall back on a request error', async () => {
    const invalid = new CompletionError({ kind: 'request', message: 'bad request' });
    const second = new MockCompletionModel(['never']);
    await expect(
      fallback([new MockCompletionModel([{ error: invalid }]), second]).completion({
        chatHistory: [Message.user('x')],
        documents: [],
        tools: [],
      }),
    ).rejects.toBe(invalid);
    expect(second.calls).toHaveLength(0);
  });

  it('falls back on the kinds given, and throws the last error when every model fails', async () => {
    const provider = new CompletionError({ kind: 'provider', message: 'refused' });
    const last = new CompletionError({ kind: 'http', message: 'HTTP 500', status: 500 });
    expect(
      await fallback([new MockCompletionModel([{ error: provider }]), new MockCompletionModel(['ok'])], {
        on: ['provider'],
      }).prompt('x'),
    ).toBe('ok');
    await expect(
      fallback([new MockCompletionModel([{ error: provider }]), new MockCompletionModel(['ok'])]).completion({
        chatHistory: [Message.user('x')],
        documents: [],
        tools: [],
      }),
    ).rejects.toBe(provider);
    await expect(
      fallback([new MockCompletionModel([{ error: last }]), new MockCompletionModel([{ error: last }])]).completion({
        chatHistory: [Message.user('x')],
        documents: [],
        tools: [],
      }),
    ).rejects.toBe(last);
  });

  it('streams fall back only before the first item', async () => {
    const overloaded = new CompletionError({ kind: 'provider', message: 'overloaded', isRetryable: true });
    const beforeFirst = fallback([
      new MockCompletionModel([{ stream: [{ type: 'error', error: overloaded }] }]),
      new MockCompletionModel(['second']),
    ]);
    const stream = await beforeFirst.stream({ chatHistory: [Message.user('x')], documents: [], tools: [] });
    expect((await stream.final).choice).toEqual([{ type: 'text', text: 'second' }]);
    const afterFirst = fallback([
      new MockCompletionModel([
        {
          stream: [
            { type: 'text', text: 'partial' },
            { type: 'error', error: overloaded },
          ],
        },
      ]),
      new MockCompletionModel(['second']),
    ]);
    const items: string[] = [];
    const error = await (async () => {
      for await (const item of await afterFirst.stream({ chatHistory: [Message.user('x')], documents: [], tools: [] }))
        items.push(item.type);
    })().catch((caught: unknown) => caught);
    expect(items).toEqual(['text']);
    expect(error).toBe(overloaded);
  });

  it('a fallback stream is the one StreamingResponse: one reader, lazy final, usage, cancel reaching the model in use', async () => {
    const overloaded = new CompletionError({ kind: 'provider', message: 'overloaded', isRetryable: true });
    const model = () =>
      fallback([
        new MockCompletionModel([{ stream: [{ type: 'error', error: overloaded }] }]),
        new MockCompletionModel([
          { text: 'one two three', usage: { promptTokens: 1, completionTokens: 3, totalTokens: 4 } },
        ]),
      ]);
    const request: CompletionRequest = { chatHistory: [Message.user('x')], documents: [], tools: [] };

    const stream = await model().stream(request);
    expect(stream).toBeInstanceOf(StreamingResponse);
    const first = stream[Symbol.asyncIterator]();
    await expect(stream[Symbol.asyncIterator]().next()).rejects.toThrow('this stream is already being consumed');
    const items: StreamedAssistantContent[] = [];
    for (let result = await first.next(); !result.done; result = await first.next()) items.push(result.value);
    expect(items.map((item) => item.type)).toEqual(['text', 'text', 'text', 'final']);
    expect(stream.usage()).toEqual({ promptTokens: 1, completionTokens: 3, totalTokens: 4 });

    const { textStream, final } = await model().stream(request);
    const texts: string[] = [];
    for await (const text of textStream) texts.push(text);
    expect(texts.join('')).toBe('one two three');
    expect((await final).choice).toEqual([{ type: 'text', text: 'one two three' }]);

    const slow = new MockCompletionModel([{ text: 'a b c d e f', delayMs: 20 }]);
    const cancelled = await fallback([slow]).stream(request);
    for await (const _item of cancelled) {
      cancelled.cancel('enough');
    }
    await expect(cancelled.final).rejects.toBe('enough');
  });

  it('is a model an agent can use', async () => {
    const agent = new AgentBuilder(
      fallback([
        new MockCompletionModel([{ error: new CompletionError({ kind: 'http', message: 'down', status: 502 }) }]),
        new MockCompletionModel(['up']),
      ]),
    ).build();
    expect(await agent.prompt('x')).toBe('up');
  });
});
