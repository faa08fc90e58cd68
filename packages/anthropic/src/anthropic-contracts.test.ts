import { CompletionError, Message, type CompletionRequest, type StreamedAssistantContent } from '@rig-ts/core';
import { chunksToWire } from '@rig-ts/fixtures';
import { sendJson, sendSse, startLoopbackServer, type Handler, type LoopbackServer } from '@rig-ts/fixtures/loopback';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnthropicCompletionModel } from './anthropic-completion-model.js';
import { Client } from './anthropic-provider.js';

// Issue 16 on the Anthropic Messages wire, over a real loopback connection: where a stream ends, frames of the wrong
// shape, empty answers, additionalParams and misuse (a tool call cut by max_tokens: anthropic-stream.test.ts).

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: Handler): Promise<AnthropicCompletionModel> {
  server = await startLoopbackServer(handler);
  return new Client({ apiKey: 'sk-ant-test', baseURL: `${server.url}/v1`, maxRetries: 0, idleTimeoutMs: 60_000 }).completionModel('claude-sonnet-4-5');
}

const request: CompletionRequest = { chatHistory: [Message.user('hi')], documents: [], tools: [] };
const wire = (...events: unknown[]) => chunksToWire(events.map((event) => JSON.stringify(event)), 'typed-events');
const start = { type: 'message_start', message: { id: 'msg_1', type: 'message', role: 'assistant', model: 'claude-sonnet-4-5-20250929', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 10, output_tokens: 1 } } };
const textDelta = (text: unknown) => ({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } });
const stopEvents = (stopReason: string, usage: unknown = { output_tokens: 5 }) => [{ type: 'message_delta', delta: { stop_reason: stopReason, stop_sequence: null }, usage }, { type: 'message_stop' }];
const answerEvents = [start, { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }, textDelta('Hel'), { type: 'ping' }, textDelta('lo'), { type: 'content_block_stop', index: 0 }, ...stopEvents('end_turn')];
const answer = wire(...answerEvents);
const message = (content: unknown[], stopReason = 'end_turn', usage: unknown = { input_tokens: 10, output_tokens: 5 }) => ({
  id: 'msg_1',
  type: 'message',
  role: 'assistant',
  model: 'claude-sonnet-4-5-20250929',
  content,
  stop_reason: stopReason,
  stop_sequence: null,
  usage,
});
const expectedHello = { choice: [{ type: 'text', text: 'Hello' }], usage: { promptTokens: 10, completionTokens: 5, totalTokens: 15 }, finishReason: 'stop', rawFinishReason: 'end_turn', id: 'msg_1' };

async function collect(stream: AsyncIterable<StreamedAssistantContent>): Promise<{ items: StreamedAssistantContent[]; error: unknown }> {
  const items: StreamedAssistantContent[] = [];
  try {
    for await (const item of stream) items.push(item);
  } catch (error) {
    return { items, error };
  }
  return { items, error: undefined };
}

const texts = (items: StreamedAssistantContent[]) => items.flatMap((item) => (item.type === 'text' ? [item.text] : []));

describe('an Anthropic stream ends at message_stop', () => {
  it('answers at once when the server holds the connection open after message_stop, and closes it', async () => {
    const model = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(answer);
    });
    const started = Date.now();
    const stream = await model.stream(request);
    const { items, error } = await collect(stream);
    expect(error).toBeUndefined();
    expect(texts(items)).toEqual(['Hel', 'lo']);
    expect(await stream.final).toMatchObject(expectedHello);
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect.poll(() => server!.closedSockets, { timeout: 2_000 }).toBe(1);
  });

  it('appends nothing after message_stop: more text, a junk frame, a late error event', async () => {
    const late = wire(textDelta(' EXTRA'), { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
    const model = await serve((_request, response) => sendSse(response, `${answer}event: junk\ndata: {oops\n\n${late}`));
    const stream = await model.stream(request);
    const { items, error } = await collect(stream);
    expect(error).toBeUndefined();
    expect(texts(items)).toEqual(['Hel', 'lo']);
    expect(await stream.final).toMatchObject(expectedHello);
  });
});

describe('Anthropic frames and bodies of the wrong shape', () => {
  it.each([
    ['a number', 42, 'delta.text is not a string (got 42)'],
    ['an object', { value: 'lo' }, 'delta.text is not a string (got an object)'],
    ['missing', undefined, 'delta.text is not a string (got nothing)'],
  ])('fails on a text delta that is %s, keeping the text before it and the frame as the body', async (_name, value, reason) => {
    const bad = textDelta(value);
    const model = await serve((_request, response) => sendSse(response, wire(...answerEvents.map((event) => (event === answerEvents[4] ? bad : event)))));
    const stream = await model.stream(request);
    const { items, error } = await collect(stream);
    expect(texts(items)).toEqual(['Hel']);
    expect(CompletionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      name: 'CompletionError.Response',
      kind: 'response',
      reason: 'malformed',
      isRetryable: false,
      message: `stream sent a "content_block_delta" frame that rig-ts cannot read: ${reason}`,
      body: JSON.stringify(bad),
    });
    expect(JSON.stringify(error)).not.toContain('[object Object]');
  });

  it.each([
    ['tool arguments that are an object', [{ type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'toolu_1', name: 'f', input: {} } }, { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: { a: 1 } } }], 'content_block_delta', 'delta.partial_json is not a string (got an object)'],
    ['a block index that is a string', [{ type: 'content_block_stop', index: '0' }], 'content_block_stop', 'index is not a whole number of at least 0 (got a string of 1 characters)'],
    ['a negative output token count', stopEvents('end_turn', { output_tokens: -5 }), 'message_delta', 'usage.output_tokens is not a token count (a whole number of at least 0) (got -5)'],
    ['a tool name that is a number', [{ type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'toolu_1', name: 3, input: {} } }], 'content_block_start', 'content_block.name is not a string (got 3)'],
  ])('fails on %s', async (_name, events, eventName, reason) => {
    const model = await serve((_request, response) => sendSse(response, wire(...answerEvents.slice(0, 6), ...events, ...stopEvents('end_turn'))));
    await expect((await model.stream(request)).final).rejects.toMatchObject({ kind: 'response', reason: 'malformed', message: `stream sent a "${eventName}" frame that rig-ts cannot read: ${reason}` });
  });

  it('keeps an in-stream error of 5 MB short in the message, without "[object Object]" for a message of the wrong shape', async () => {
    const model = await serve((_request, response, index) =>
      sendSse(response, wire(start, { type: 'error', error: index === 0 ? { type: 'overloaded_error', message: 'y'.repeat(5_000_000) } : { type: 'overloaded_error', message: { nested: true } } })),
    );
    const huge = (await (await model.stream(request)).final.catch((caught: unknown) => caught)) as CompletionError;
    expect(huge).toMatchObject({ kind: 'provider', isRetryable: true });
    expect(huge.message).toBe(`Anthropic reported overloaded_error: ${'y'.repeat(500 - 'Anthropic reported overloaded_error: '.length)}…`);
    await expect((await model.stream(request)).final).rejects.toMatchObject({ kind: 'provider', message: 'Anthropic reported overloaded_error: no message' });
  });

  it.each([
    ['a text that is a number', message([{ type: 'text', text: 42 }]), 'content[0].text is not a string (got 42)'],
    ['a text block that is a string', message(['hello']), 'content[0] is not an object (got a string of 5 characters)'],
    ['an input token count that is a string', message([{ type: 'text', text: 'Hello' }], 'end_turn', { input_tokens: '10', output_tokens: 5 }), 'usage.input_tokens is not a token count (a whole number of at least 0) (got a string of 2 characters)'],
  ])('fails on a body with %s', async (_name, body, reason) => {
    const model = await serve((_request, response) => sendJson(response, 200, body));
    await expect(model.completion(request)).rejects.toMatchObject({ name: 'CompletionError.Response', kind: 'response', reason: 'malformed', message: `Anthropic sent a response that rig-ts cannot read: ${reason}` });
  });
});

describe('empty Anthropic answers', () => {
  it('refuses `content: []` that ended its turn, streamed or not', async () => {
    const model = await serve((_request, response, index) => (index === 0 ? sendJson(response, 200, message([])) : sendSse(response, wire(start, ...stopEvents('end_turn')))));
    await expect(model.completion(request)).rejects.toMatchObject({ name: 'CompletionError.Response', kind: 'response', reason: 'empty', message: 'Anthropic sent an empty answer: no text, tool call or reasoning (finish reason "end_turn")' });
    await expect((await model.stream(request)).final).rejects.toMatchObject({ kind: 'response', reason: 'empty', message: 'the stream sent an empty answer: no text, tool call or reasoning (finish reason "end_turn")' });
  });

  it('answers an empty text with finish length or content-filter, whose stop reason explains it', async () => {
    const model = await serve((_request, response, index) => sendJson(response, 200, message([], index === 0 ? 'max_tokens' : 'refusal')));
    expect(await model.completion(request)).toMatchObject({ choice: [{ type: 'text', text: '' }], finishReason: 'length', rawFinishReason: 'max_tokens' });
    expect(await model.completion(request)).toMatchObject({ choice: [{ type: 'text', text: '' }], finishReason: 'content-filter', rawFinishReason: 'refusal' });
  });
});

describe('Anthropic additionalParams and misuse', () => {
  it('never lets additionalParams turn a stream into a JSON call, and says so', async () => {
    const model = await serve((_request, response) => sendSse(response, answer));
    const final = await (await model.stream({ ...request, additionalParams: { stream: false, top_k: 3 } })).final;
    expect(final.warnings).toEqual([{ type: 'other', message: 'additionalParams.stream was ignored: rig-ts sets stream for the call it makes' }]);
    expect(JSON.parse(server!.requests[0]!.body)).toEqual({ model: 'claude-sonnet-4-5', max_tokens: 64_000, messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], stream: true, top_k: 3 });
  });

  it.each([
    ['null', null, 'a completion request must be an object (got null)'],
    ['a request without a tools array', { chatHistory: [Message.user('hi')], documents: [] }, 'tools must be an array of tool definitions (`[]` for none)'],
    [
      'a throwing getter in additionalParams',
      {
        ...request,
        additionalParams: {
          get container(): string {
            throw new Error('no');
          },
        },
      },
      'additionalParams.container is not JSON data: no',
    ],
  ])('refuses %s with a request error before anything is sent', async (_name, value, expected) => {
    const model = await serve((_request, response) => sendJson(response, 200, message([{ type: 'text', text: 'x' }])));
    for (const call of [() => model.completion(value as never), () => model.stream(value as never)]) {
      const error = await call().then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(CompletionError.isInstance(error), String(error)).toBe(true);
      expect(error).toMatchObject({ name: 'CompletionError.Request', kind: 'request', message: expected });
    }
    expect(server!.requests).toEqual([]);
  });
});
