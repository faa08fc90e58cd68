import { CompletionError, Message, type CompletionRequest, type StreamedAssistantContent } from '@rig-ts/core';
import { sendJson, sendSse, startLoopbackServer, type Handler, type LoopbackServer } from '@rig-ts/fixtures/loopback';
import { HttpTransport } from '@rig-ts/http';
import { afterEach, describe, expect, it } from 'vitest';
import { OpenAIChatModel } from './openai-chat-model.js';
import type { ChatQuirks } from './openai-chat-quirks.js';

// Issue 16 on the Chat Completions wire, over a real loopback connection: where a stream ends, frames of the wrong
// shape, empty answers, tool calls cut by the token limit, additionalParams and misuse.

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: Handler, quirks?: Partial<ChatQuirks>): Promise<OpenAIChatModel> {
  server = await startLoopbackServer(handler);
  const transport = new HttpTransport({ provider: 'OpenAI', baseURL: `${server.url}/v1`, apiKey: 'sk-test', maxRetries: 0, idleTimeoutMs: 60_000 });
  return new OpenAIChatModel('gpt-4o', { provider: 'openai', transport, ...(quirks ? { quirks } : {}) });
}

const request: CompletionRequest = { chatHistory: [Message.user('hi')], documents: [], tools: [] };
const chunk = (delta: unknown, finish: string | null = null, extra: { [key: string]: unknown } = {}) =>
  `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', model: 'gpt-4o-2024-08-06', choices: [{ index: 0, delta, finish_reason: finish }], ...extra })}\n\n`;
const usageChunk = `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', model: 'gpt-4o-2024-08-06', choices: [], usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 } })}\n\n`;
const done = 'data: [DONE]\n\n';
const answer = chunk({ role: 'assistant', content: '' }) + chunk({ content: 'Hel' }) + chunk({ content: 'lo' }) + chunk({}, 'stop') + usageChunk + done;
const body = (message: unknown, finish = 'stop', extra: { [key: string]: unknown } = {}) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  model: 'gpt-4o-2024-08-06',
  choices: [{ index: 0, message, finish_reason: finish }],
  usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
  ...extra,
});
const expectedHello = {
  choice: [{ type: 'text', text: 'Hello' }],
  usage: { promptTokens: 5, completionTokens: 2, totalTokens: 7 },
  finishReason: 'stop',
  rawFinishReason: 'stop',
  id: 'chatcmpl-1',
  model: 'gpt-4o-2024-08-06',
};

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

describe('a Chat Completions stream ends at [DONE]', () => {
  it('answers at once when the server holds the connection open after [DONE], and closes it', async () => {
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

  it('appends nothing after [DONE]: more text, a junk frame, a late error chunk', async () => {
    const model = await serve((_request, response) => sendSse(response, answer + chunk({ content: ' EXTRA' }) + 'data: {oops\n\n' + `data: ${JSON.stringify({ error: { message: 'late' } })}\n\n`));
    const stream = await model.stream(request);
    const { items, error } = await collect(stream);
    expect(error).toBeUndefined();
    expect(texts(items)).toEqual(['Hel', 'lo']);
    expect(await stream.final).toMatchObject(expectedHello);
  });
});

describe('Chat Completions frames and bodies of the wrong shape', () => {
  it.each([
    ['a number', 42, 'choices[0].delta.content is not a string (got 42)'],
    ['an object', { text: 'lo' }, 'choices[0].delta.content is not a string (got an object)'],
    ['true', true, 'choices[0].delta.content is not a string (got true)'],
  ])('fails on a content delta that is %s, keeping the text before it and the frame as the body', async (_name, value, reason) => {
    const bad = chunk({ content: value });
    const model = await serve((_request, response) => sendSse(response, answer.replace(chunk({ content: 'lo' }), bad)));
    const stream = await model.stream(request);
    const { items, error } = await collect(stream);
    expect(texts(items)).toEqual(['Hel']);
    expect(CompletionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      name: 'CompletionError.Response',
      kind: 'response',
      reason: 'malformed',
      isRetryable: false,
      message: `stream sent a "message" frame that rig-ts cannot read: ${reason}`,
      body: bad.slice('data: '.length, -2),
    });
    expect(JSON.stringify(error)).not.toContain('[object Object]');
  });

  it.each([
    ['tool-call arguments that are a number', chunk({ tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'f', arguments: 5 } }] }), 'choices[0].delta.tool_calls[0].function.arguments is not a string (got 5)'],
    ['a tool-call index that is a string', chunk({ tool_calls: [{ index: '0', id: 'call_1', function: { name: 'f', arguments: '' } }] }), 'choices[0].delta.tool_calls[0].index is not a token count (a whole number of at least 0) (got a string of 1 characters)'],
    ['a tool-call name that is an object', chunk({ tool_calls: [{ index: 0, id: 'call_1', function: { name: { n: 1 }, arguments: '' } }] }), 'choices[0].delta.tool_calls[0].function.name is not a string (got an object)'],
    ['reasoning that is a number', chunk({ reasoning_content: 1 }), 'choices[0].delta.reasoning_content is not a string (got 1)'],
    ['a finish reason that is a number', chunk({}, 3 as never), 'choices[0].finish_reason is not a string (got 3)'],
  ])('fails on %s', async (_name, frame, reason) => {
    const model = await serve((_request, response) => sendSse(response, frame + answer));
    await expect((await model.stream(request)).final).rejects.toMatchObject({ kind: 'response', reason: 'malformed', message: `stream sent a "message" frame that rig-ts cannot read: ${reason}` });
  });

  it.each([
    ['negative', -2, 'usage.completion_tokens is not a token count (a whole number of at least 0) (got -2)'],
    ['a string', '2', 'usage.completion_tokens is not a token count (a whole number of at least 0) (got a string of 1 characters)'],
    ['fractional', 2.5, 'usage.completion_tokens is not a token count (a whole number of at least 0) (got 2.5)'],
  ])('fails on a usage count that is %s, streamed (at [DONE]) or not', async (_name, value, reason) => {
    const usage = { prompt_tokens: 5, completion_tokens: value, total_tokens: 7 };
    const streamed = answer.replace(usageChunk, `data: ${JSON.stringify({ id: 'chatcmpl-1', choices: [], usage })}\n\n`);
    const model = await serve((_request, response, index) => (index === 0 ? sendJson(response, 200, body({ role: 'assistant', content: 'Hello' }, 'stop', { usage })) : sendSse(response, streamed)));
    await expect(model.completion(request)).rejects.toMatchObject({ kind: 'response', reason: 'malformed', message: `OpenAI sent a response that rig-ts cannot read: ${reason}` });
    await expect((await model.stream(request)).final).rejects.toMatchObject({ kind: 'response', reason: 'malformed', message: `stream sent a [DONE] that rig-ts cannot read: ${reason}` });
  });

  it.each([
    ['a content that is a number', { role: 'assistant', content: 42 }, 'choices[0].message.content is not a string (got 42)'],
    ['a content that is an object', { role: 'assistant', content: { text: 'hi' } }, 'choices[0].message.content is not a string (got an object)'],
    ['a text part whose text is missing', { role: 'assistant', content: [{ type: 'text' }] }, 'choices[0].message.content[0].text is not a string (got nothing)'],
    ['tool-call arguments that are a number', { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: 9 } }] }, 'choices[0].message.tool_calls[0].function.arguments is not a string (got 9)'],
  ])('fails on a body with %s', async (_name, message, reason) => {
    const model = await serve((_request, response) => sendJson(response, 200, body(message)));
    await expect(model.completion(request)).rejects.toMatchObject({ name: 'CompletionError.Response', kind: 'response', reason: 'malformed', message: `OpenAI sent a response that rig-ts cannot read: ${reason}` });
  });
});

describe('empty Chat Completions answers', () => {
  it.each([
    ['a null content', { role: 'assistant', content: null }],
    ['an empty content', { role: 'assistant', content: '' }],
    ['an empty content array', { role: 'assistant', content: [] }],
  ])('refuses %s that finished with stop, streamed or not', async (_name, message) => {
    const model = await serve((_request, response, index) => (index === 0 ? sendJson(response, 200, body(message)) : sendSse(response, chunk({ role: 'assistant', content: '' }) + chunk({}, 'stop') + done)));
    await expect(model.completion(request)).rejects.toMatchObject({ kind: 'response', reason: 'empty', message: 'OpenAI sent an empty answer: no text, tool call or reasoning (finish reason "stop")' });
    await expect((await model.stream(request)).final).rejects.toMatchObject({ kind: 'response', reason: 'empty', message: 'the stream sent an empty answer: no text, tool call or reasoning (finish reason "stop")' });
  });

  it('answers an empty text with finish length or content-filter, whose reason explains it', async () => {
    const model = await serve((_request, response, index) => sendJson(response, 200, body({ role: 'assistant', content: null }, index === 0 ? 'length' : 'content_filter')));
    expect(await model.completion(request)).toMatchObject({ choice: [{ type: 'text', text: '' }], finishReason: 'length', rawFinishReason: 'length' });
    expect(await model.completion(request)).toMatchObject({ choice: [{ type: 'text', text: '' }], finishReason: 'content-filter', rawFinishReason: 'content_filter' });
  });
});

describe('a Chat Completions tool call cut by the token limit', () => {
  const warning = {
    type: 'tool-call-cut',
    message: 'tool call "get_weather" (call_1) was cut off by the token limit: its arguments are incomplete JSON, so it was left out of the answer',
    toolCall: { id: 'call_1', name: 'get_weather', partialArguments: '{"city": "Par' },
  };

  it('keeps the text and reports the cut call, streamed or not', async () => {
    const streamed =
      chunk({ role: 'assistant', content: 'Let me check.' }) +
      chunk({ tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '' } }] }) +
      chunk({ tool_calls: [{ index: 0, function: { arguments: '{"city": ' } }] }) +
      chunk({ tool_calls: [{ index: 0, function: { arguments: '"Par' } }] }) +
      chunk({}, 'length') +
      usageChunk +
      done;
    const cut = body({ role: 'assistant', content: 'Let me check.', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city": "Par' } }] }, 'length');
    const model = await serve((_request, response, index) => (index === 0 ? sendJson(response, 200, cut) : sendSse(response, streamed)));
    const expected = { choice: [{ type: 'text', text: 'Let me check.' }], finishReason: 'length', rawFinishReason: 'length', warnings: [warning] };
    expect(await model.completion(request)).toMatchObject(expected);
    const stream = await model.stream(request);
    const { items, error } = await collect(stream);
    expect(error).toBeUndefined();
    expect(await stream.final).toMatchObject(expected);
    expect(items.some((item) => item.type === 'tool-call')).toBe(false);
  });

  it('keeps a call with invalid arguments when the answer finished otherwise, the text as written, for an agent to answer', async () => {
    const model = await serve((_request, response) => sendJson(response, 200, body({ role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city": "Par' } }] }, 'tool_calls')));
    const response = await model.completion(request);
    expect(response.choice).toEqual([{ type: 'tool-call', id: 'call_1', function: { name: 'get_weather', arguments: {} }, unparseableArguments: '{"city": "Par' }]);
    expect(response.finishReason).toBe('tool-calls');
    expect(response.warnings).toBeUndefined();
  });
});

describe('Chat Completions additionalParams and misuse', () => {
  const weather = { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: {}, additionalProperties: false } };

  it('adds hosted tools to the function tools and warns about each field it replaces, streamed or not', async () => {
    const model = await serve((_request, response, index) => (index === 0 ? sendJson(response, 200, body({ role: 'assistant', content: 'Hello' })) : sendSse(response, answer)));
    const withParams: CompletionRequest = { ...request, tools: [weather], maxTokens: 10, additionalParams: { tools: [{ type: 'web_search_preview' }], max_tokens: 20, stream: false, seed: 4 } };
    const warnings = [
      { type: 'other', message: 'additionalParams.max_tokens replaced the value rig-ts built from the request' },
      { type: 'other', message: 'additionalParams.stream was ignored: rig-ts sets stream for the call it makes' },
    ];
    expect((await model.completion(withParams)).warnings).toEqual(warnings);
    expect((await (await model.stream(withParams)).final).warnings).toEqual(warnings);
    const bodies = server!.requests.map((recorded) => JSON.parse(recorded.body));
    const tools = [{ type: 'function', function: { name: 'get_weather', description: 'Weather', parameters: weather.parameters, strict: true } }, { type: 'web_search_preview' }];
    expect(bodies[0]).toEqual({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }], tools, max_tokens: 20, seed: 4 });
    expect(bodies[1]).toEqual({ ...bodies[0], stream: true, stream_options: { include_usage: true } });
  });

  it.each([
    ['null', null, 'a completion request must be an object (got null)'],
    ['a request without a tools array', { chatHistory: [Message.user('hi')], documents: [] }, 'tools must be an array of tool definitions (`[]` for none)'],
    ['a BigInt in additionalParams', { ...request, additionalParams: { seed: 10n } }, 'additionalParams.seed is not JSON data: Do not know how to serialize a BigInt'],
  ])('refuses %s with a request error before anything is sent', async (_name, value, expected) => {
    const model = await serve((_request, response) => sendJson(response, 200, body({ role: 'assistant', content: 'x' })));
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
