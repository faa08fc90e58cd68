import { CompletionError, Message, type CompletionRequest, type StreamedAssistantContent } from '@rig-ts/core';
import { sendJson, sendSse, startLoopbackServer, type Handler, type LoopbackServer } from '@rig-ts/fixtures/loopback';
import { HttpTransport } from '@rig-ts/http';
import { afterEach, describe, expect, it } from 'vitest';
import { OpenAIResponsesModel } from './openai-responses-model.js';

// Issue 16 on the Responses wire, over a real loopback connection: where a stream ends, frames of the wrong shape,
// empty answers, tool calls cut by the token limit, additionalParams and misuse.

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: Handler): Promise<OpenAIResponsesModel> {
  server = await startLoopbackServer(handler);
  const transport = new HttpTransport({ provider: 'OpenAI', baseURL: `${server.url}/v1`, apiKey: 'sk-test', maxRetries: 0, idleTimeoutMs: 60_000 });
  return new OpenAIResponsesModel('gpt-4o', { provider: 'openai', transport });
}

const request: CompletionRequest = { chatHistory: [Message.user('hi')], documents: [], tools: [] };
const usage = { input_tokens: 5, output_tokens: 2, total_tokens: 7 };
const message = (text: string) => ({ type: 'message', id: 'msg_1', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text, annotations: [] }] });
const completedResponse = (output: unknown[], extra: { [key: string]: unknown } = {}) => ({ id: 'resp_1', object: 'response', model: 'gpt-4o-2024-08-06', status: 'completed', output, usage, ...extra });
const event = (value: { type: string; [key: string]: unknown }) => `event: ${value.type}\ndata: ${JSON.stringify(value)}\n\n`;
const delta = (value: unknown) => event({ type: 'response.output_text.delta', item_id: 'msg_1', output_index: 0, content_index: 0, delta: value });

/** A whole Responses stream answering `Hello`. */
const answer = [
  event({ type: 'response.created', response: { id: 'resp_1', status: 'in_progress', output: [] } }),
  event({ type: 'response.output_item.added', output_index: 0, item: { ...message(''), status: 'in_progress', content: [] } }),
  delta('Hel'),
  delta('lo'),
  event({ type: 'response.output_item.done', output_index: 0, item: message('Hello') }),
  event({ type: 'response.completed', response: completedResponse([message('Hello')]) }),
].join('');

const expectedHello = {
  choice: [{ type: 'text', text: 'Hello', providerMetadata: { openai: { itemId: 'msg_1' } } }],
  usage: { promptTokens: 5, completionTokens: 2, totalTokens: 7 },
  finishReason: 'stop',
  rawFinishReason: 'completed',
  id: 'resp_1',
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

describe('a Responses stream ends at its end event', () => {
  it('answers at once when the server holds the connection open after response.completed, and closes it', async () => {
    const model = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(answer);
    });
    const started = Date.now();
    const stream = await model.stream(request);
    const { items, error } = await collect(stream);
    expect(error).toBeUndefined();
    expect(await stream.final).toMatchObject(expectedHello);
    expect(texts(items)).toEqual(['Hel', 'lo']);
    // Not a hang: the idle timeout is 60 s.
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect.poll(() => server!.closedSockets, { timeout: 2_000 }).toBe(1);
  });

  it('also ends at response.incomplete, and fails at once at response.failed, the connection held open', async () => {
    const incomplete = completedResponse([message('Hel')], { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } });
    const failed = { ...completedResponse([]), status: 'failed', error: { code: 'server_error', message: 'The model crashed' } };
    const model = await serve((_request, response, index) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(index === 0 ? delta('Hel') + event({ type: 'response.incomplete', response: incomplete }) : event({ type: 'response.failed', response: failed }));
    });
    const final = await (await model.stream(request)).final;
    expect([final.finishReason, final.rawFinishReason, final.choice]).toEqual(['length', 'max_output_tokens', [{ type: 'text', text: 'Hel' }]]);
    await expect((await model.stream(request)).final).rejects.toMatchObject({ kind: 'provider', message: 'OpenAI reported an error (server_error): The model crashed', isRetryable: true });
  });

  it('appends nothing after response.completed: more text, a junk frame, a late error event', async () => {
    const model = await serve((_request, response) => sendSse(response, answer + delta(' EXTRA') + 'data: {oops\n\n' + event({ type: 'error', code: 'server_error', message: 'late' })));
    const stream = await model.stream(request);
    const { items, error } = await collect(stream);
    expect(error).toBeUndefined();
    expect(texts(items)).toEqual(['Hel', 'lo']);
    expect(await stream.final).toMatchObject(expectedHello);
  });
});

describe('Responses frames and bodies of the wrong shape', () => {
  it.each([
    ['a number', 42, 'delta is not a string (got 42)'],
    ['an object', { text: 'lo' }, 'delta is not a string (got an object)'],
    ['missing', undefined, 'delta is not a string (got nothing)'],
  ])('fails on a text delta that is %s, keeping the text before it and the frame as the body', async (_name, value, reason) => {
    const frame = JSON.stringify({ type: 'response.output_text.delta', item_id: 'msg_1', output_index: 0, content_index: 0, delta: value });
    const model = await serve((_request, response) => sendSse(response, answer.replace(delta('lo'), `event: response.output_text.delta\ndata: ${frame}\n\n`)));
    const stream = await model.stream(request);
    const { items, error } = await collect(stream);
    expect(texts(items)).toEqual(['Hel']);
    expect(CompletionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      name: 'CompletionError.Response',
      kind: 'response',
      reason: 'malformed',
      isRetryable: false,
      message: `stream sent a "response.output_text.delta" frame that rig-ts cannot read: ${reason}`,
      body: frame,
    });
    await expect(stream.final).rejects.toBe(error);
    expect(JSON.stringify(error)).not.toContain('[object Object]');
  });

  it.each([
    ['a tool-call name that is a number', event({ type: 'response.output_item.added', item: { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 7, arguments: '' } }), 'response.output_item.added', 'item.name is not a string (got 7)'],
    ['arguments that are an object', event({ type: 'response.output_item.added', item: { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'f', arguments: '' } }) + event({ type: 'response.function_call_arguments.delta', item_id: 'fc_1', delta: { a: 1 } }), 'response.function_call_arguments.delta', 'delta is not a string (got an object)'],
    ['a reasoning delta that is null', event({ type: 'response.reasoning_summary_text.delta', item_id: 'rs_1', delta: null }), 'response.reasoning_summary_text.delta', 'delta is not a string (got null)'],
    ['a negative token count', event({ type: 'response.completed', response: completedResponse([message('Hello')], { usage: { ...usage, input_tokens: -5 } }) }), 'response.completed', 'usage.input_tokens is not a token count (a whole number of at least 0) (got -5)'],
    ['a token count that is a string', event({ type: 'response.completed', response: completedResponse([message('Hello')], { usage: { ...usage, output_tokens: '2' } }) }), 'response.completed', 'usage.output_tokens is not a token count (a whole number of at least 0) (got a string of 1 characters)'],
    ['an output text that is an object', event({ type: 'response.output_item.done', item: { ...message(''), content: [{ type: 'output_text', text: { value: 'x' } }] } }), 'response.output_item.done', 'item.content[0].text is not a string (got an object)'],
  ])('fails on %s', async (_name, frames, eventName, reason) => {
    const model = await serve((_request, response) => sendSse(response, frames + answer));
    await expect((await model.stream(request)).final).rejects.toMatchObject({ kind: 'response', reason: 'malformed', message: `stream sent a "${eventName}" frame that rig-ts cannot read: ${reason}` });
  });

  it('keeps the message of an error about a 5 MB frame short, and its body at 64 KiB', async () => {
    const model = await serve((_request, response) => sendSse(response, delta({ text: 'x'.repeat(5_000_000) })));
    const error = (await (await model.stream(request)).final.catch((caught: unknown) => caught)) as CompletionError & { body: string };
    expect(error.message).toBe('stream sent a "response.output_text.delta" frame that rig-ts cannot read: delta is not a string (got an object)');
    expect(error.body.length).toBe(65_536 + '…[truncated]'.length);
  });

  it.each([
    ['an output text that is a number', { output: [{ ...message(''), content: [{ type: 'output_text', text: 42 }] }] }, 'output[0].content[0].text is not a string (got 42)'],
    ['an output that is an object', { output: { text: 'hi' } }, 'output is not an array (got an object)'],
    ['a usage count that is negative', { output: [message('Hello')], usage: { ...usage, total_tokens: -1 } }, 'usage.total_tokens is not a token count (a whole number of at least 0) (got -1)'],
  ])('fails on a body with %s', async (_name, fields, reason) => {
    const model = await serve((_request, response) => sendJson(response, 200, { ...completedResponse([message('Hello')]), ...fields }));
    await expect(model.completion(request)).rejects.toMatchObject({ name: 'CompletionError.Response', kind: 'response', reason: 'malformed', message: `OpenAI sent a response that rig-ts cannot read: ${reason}` });
  });
});

describe('empty Responses answers', () => {
  it('refuses `output: []` that completed, streamed or not', async () => {
    const empty = completedResponse([]);
    const model = await serve((_request, response, index) =>
      index === 0 ? sendJson(response, 200, empty) : sendSse(response, event({ type: 'response.created', response: { id: 'resp_1', output: [] } }) + event({ type: 'response.completed', response: empty })),
    );
    await expect(model.completion(request)).rejects.toMatchObject({
      name: 'CompletionError.Response',
      kind: 'response',
      reason: 'empty',
      message: 'OpenAI sent an empty answer: no text, tool call or reasoning (finish reason "completed")',
    });
    await expect((await model.stream(request)).final).rejects.toMatchObject({ kind: 'response', reason: 'empty', message: 'the stream sent an empty answer: no text, tool call or reasoning (finish reason "completed")' });
  });

  it('answers an empty text with finish length when the token limit explains it', async () => {
    const cut = completedResponse([], { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } });
    const model = await serve((_request, response) => sendJson(response, 200, cut));
    const response = await model.completion(request);
    expect([response.choice, response.finishReason, response.rawFinishReason]).toEqual([[{ type: 'text', text: '' }], 'length', 'max_output_tokens']);
  });

  it('accepts an answer holding only a hosted tool call, kept in the raw response', async () => {
    const hosted = completedResponse([{ type: 'web_search_call', id: 'ws_1', status: 'completed' }]);
    const model = await serve((_request, response) => sendJson(response, 200, hosted));
    expect((await model.completion(request)).choice).toEqual([{ type: 'text', text: '' }]);
  });
});

describe('a Responses tool call cut by the token limit', () => {
  const cutCall = { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'get_weather', arguments: '{"city": "Par', status: 'incomplete' };
  const cutResponse = completedResponse([message('Let me check.'), cutCall], { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } });
  const warning = {
    type: 'tool-call-cut',
    message: 'tool call "get_weather" (fc_1) was cut off by the token limit: its arguments are incomplete JSON, so it was left out of the answer',
    toolCall: { id: 'fc_1', callId: 'call_1', name: 'get_weather', partialArguments: '{"city": "Par' },
  };

  it('keeps the text and reports the cut call, streamed or not', async () => {
    const streamed = [
      event({ type: 'response.output_item.added', output_index: 0, item: { ...message(''), content: [] } }),
      event({ type: 'response.output_text.delta', item_id: 'msg_1', delta: 'Let me check.' }),
      event({ type: 'response.output_item.done', output_index: 0, item: message('Let me check.') }),
      event({ type: 'response.output_item.added', output_index: 1, item: { ...cutCall, arguments: '', status: 'in_progress' } }),
      event({ type: 'response.function_call_arguments.delta', item_id: 'fc_1', delta: '{"city": ' }),
      event({ type: 'response.function_call_arguments.delta', item_id: 'fc_1', delta: '"Par' }),
      event({ type: 'response.output_item.done', output_index: 1, item: cutCall }),
      event({ type: 'response.incomplete', response: cutResponse }),
    ].join('');
    const model = await serve((_request, response, index) => (index === 0 ? sendJson(response, 200, cutResponse) : sendSse(response, streamed)));
    const unary = await model.completion(request);
    const expected = {
      choice: [{ type: 'text', text: 'Let me check.', providerMetadata: { openai: { itemId: 'msg_1' } } }],
      finishReason: 'length',
      rawFinishReason: 'max_output_tokens',
      warnings: [warning],
    };
    expect(unary).toMatchObject(expected);
    const stream = await model.stream(request);
    const { items } = await collect(stream);
    expect(await stream.final).toMatchObject(expected);
    expect(items.some((item) => item.type === 'tool-call')).toBe(false);
  });

  it('keeps a call with invalid arguments when the response completed, the text as written, for an agent to answer', async () => {
    const model = await serve((_request, response) => sendJson(response, 200, completedResponse([{ ...cutCall, status: 'completed' }])));
    const response = await model.completion(request);
    expect(response.choice).toEqual([{ type: 'tool-call', id: cutCall.id, callId: 'call_1', function: { name: 'get_weather', arguments: {} }, unparseableArguments: cutCall.arguments }]);
    expect(response.warnings).toBeUndefined();
  });
});

describe('Responses additionalParams and misuse', () => {
  const weather = { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: {}, additionalProperties: false } };

  it('adds hosted tools to the function tools and warns about each field it replaces, streamed or not', async () => {
    const model = await serve((_request, response, index) => (index === 0 ? sendJson(response, 200, completedResponse([message('Hello')])) : sendSse(response, answer)));
    const withParams: CompletionRequest = { ...request, tools: [weather], temperature: 0.2, additionalParams: { tools: [{ type: 'web_search' }], temperature: 1, stream: false, top_p: 0.5 } };
    const warnings = [
      { type: 'other', message: 'additionalParams.temperature replaced the value rig-ts built from the request' },
      { type: 'other', message: 'additionalParams.stream was ignored: rig-ts sets stream for the call it makes' },
    ];
    expect((await model.completion(withParams)).warnings).toEqual(warnings);
    expect((await (await model.stream(withParams)).final).warnings).toEqual(warnings);
    const bodies = server!.requests.map((recorded) => JSON.parse(recorded.body));
    const tools = [{ type: 'function', name: 'get_weather', description: 'Weather', parameters: weather.parameters, strict: true }, { type: 'web_search' }];
    expect(bodies[0]).toEqual({ model: 'gpt-4o', input: [{ role: 'user', content: 'hi' }], tools, temperature: 1, top_p: 0.5 });
    expect(bodies[1]).toEqual({ ...bodies[0], stream: true });
  });

  it.each([
    ['null', null, 'a completion request must be an object (got null)'],
    ['a request without a tools array', { chatHistory: [Message.user('hi')], documents: [] }, 'tools must be an array of tool definitions (`[]` for none)'],
    [
      'a throwing getter in additionalParams',
      {
        ...request,
        additionalParams: {
          get top_p(): number {
            throw new Error('no');
          },
        },
      },
      'additionalParams.top_p is not JSON data: no',
    ],
    ['a message of the wrong shape', { ...request, chatHistory: [{ role: 'user', content: [{ type: 'image' }] }] }, /^the request cannot be read: /],
  ])('refuses %s with a request error before anything is sent', async (_name, value, expected) => {
    const model = await serve((_request, response) => sendJson(response, 200, completedResponse([message('x')])));
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
