import { CompletionError, Message, type CompletionRequest, type StreamedAssistantContent } from '@rig-ts/core';
import { sendJson, startLoopbackServer, type Handler, type LoopbackServer } from '@rig-ts/fixtures/loopback';
import { afterEach, describe, expect, it } from 'vitest';
import type { OllamaCompletionModel } from './ollama-completion-model.js';
import { Client } from './ollama-provider.js';

// Issue 16 on the Ollama /api/chat wire, over a real loopback connection: where a stream ends, lines of the wrong
// shape, empty answers, additionalParams and misuse.

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: Handler): Promise<OllamaCompletionModel> {
  server = await startLoopbackServer(handler);
  return new Client({ baseURL: server.url, maxRetries: 0, idleTimeoutMs: 60_000 }).completionModel('llama3.2');
}

const request: CompletionRequest = { chatHistory: [Message.user('hi')], documents: [], tools: [] };
const line = (value: unknown) => `${JSON.stringify(value)}\n`;
const piece = (content: unknown) => ({ model: 'llama3.2', created_at: '2025-01-01T00:00:00Z', message: { role: 'assistant', content }, done: false });
const last = { model: 'llama3.2', created_at: '2025-01-01T00:00:01Z', message: { role: 'assistant', content: '' }, done: true, done_reason: 'stop', prompt_eval_count: 4, eval_count: 2 };
const answer = line(piece('Hel')) + line(piece('lo')) + line(last);
const expectedHello = { choice: [{ type: 'text', text: 'Hello' }], usage: { promptTokens: 4, completionTokens: 2, totalTokens: 6 }, finishReason: 'stop', rawFinishReason: 'stop', model: 'llama3.2' };

function sendNdjson(response: import('node:http').ServerResponse, body: string, end = true): void {
  response.writeHead(200, { 'content-type': 'application/x-ndjson' });
  if (end) response.end(body);
  else response.write(body);
}

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

describe('an Ollama stream ends at done: true', () => {
  it('answers at once when the server holds the connection open after it, and closes it', async () => {
    const model = await serve((_request, response) => sendNdjson(response, answer, false));
    const started = Date.now();
    const stream = await model.stream(request);
    const { items, error } = await collect(stream);
    expect(error).toBeUndefined();
    expect(texts(items)).toEqual(['Hel', 'lo']);
    expect(await stream.final).toMatchObject(expectedHello);
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect.poll(() => server!.closedSockets, { timeout: 2_000 }).toBe(1);
  });

  it('appends nothing after it: more text, a junk line, a late error', async () => {
    const model = await serve((_request, response) => sendNdjson(response, answer + line(piece(' EXTRA')) + '{oops\n' + line({ error: 'late' })));
    const stream = await model.stream(request);
    const { items, error } = await collect(stream);
    expect(error).toBeUndefined();
    expect(texts(items)).toEqual(['Hel', 'lo']);
    expect(await stream.final).toMatchObject(expectedHello);
  });
});

describe('Ollama lines and bodies of the wrong shape', () => {
  it.each([
    ['a number', 42, 'message.content is not a string (got 42)'],
    ['an object', { text: 'lo' }, 'message.content is not a string (got an object)'],
  ])('fails on a content that is %s, streamed (keeping the text before it and the line as the body) or not', async (_name, value, reason) => {
    const bad = JSON.stringify(piece(value));
    const model = await serve((_request, response, index) => (index === 0 ? sendJson(response, 200, { ...last, message: { role: 'assistant', content: value } }) : sendNdjson(response, answer.replace(line(piece('lo')), `${bad}\n`))));
    await expect(model.completion(request)).rejects.toMatchObject({ name: 'CompletionError.Response', kind: 'response', reason: 'malformed', message: `Ollama sent a response that rig-ts cannot read: ${reason}` });
    const stream = await model.stream(request);
    const { items, error } = await collect(stream);
    expect(texts(items)).toEqual(['Hel']);
    expect(CompletionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ name: 'CompletionError.Response', kind: 'response', reason: 'malformed', isRetryable: false, message: `stream sent a line that rig-ts cannot read: ${reason}`, body: bad });
    expect(JSON.stringify(error)).not.toContain('[object Object]');
  });

  it('fails on a count of the wrong type in the last line', async () => {
    const model = await serve((_request, response) => sendNdjson(response, line(piece('Hi')) + line({ ...last, prompt_eval_count: '4' })));
    await expect((await model.stream(request)).final).rejects.toMatchObject({
      kind: 'response',
      reason: 'malformed',
      message: 'stream sent a line that rig-ts cannot read: prompt_eval_count is not a token count (a whole number of at least 0) (got a string of 1 characters)',
    });
  });
});

describe('empty Ollama answers', () => {
  it('refuses an answer without content that stopped normally, streamed or not', async () => {
    const model = await serve((_request, response, index) => (index === 0 ? sendJson(response, 200, last) : sendNdjson(response, line(piece('')) + line(last))));
    await expect(model.completion(request)).rejects.toMatchObject({ name: 'CompletionError.Response', kind: 'response', reason: 'empty', message: 'Ollama sent an empty answer: no text, tool call or reasoning (finish reason "stop")' });
    await expect((await model.stream(request)).final).rejects.toMatchObject({ kind: 'response', reason: 'empty', message: 'the stream sent an empty answer: no text, tool call or reasoning (finish reason "stop")' });
  });
});

describe('Ollama additionalParams and misuse', () => {
  it('adds tools, merges options key by key, never replaces stream, and warns about each field it replaces', async () => {
    const weather = { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: {} } };
    const extraTool = { type: 'function', function: { name: 'web_search', description: 'Search', parameters: { type: 'object' } } };
    const model = await serve((_request, response) => sendNdjson(response, answer));
    const final = await (await model.stream({ ...request, tools: [weather], temperature: 0.3, additionalParams: { tools: [extraTool], options: { temperature: 1, seed: 2 }, stream: false } })).final;
    expect(final.warnings).toEqual([
      { type: 'other', message: 'additionalParams.options.temperature replaced the value rig-ts built from the request' },
      { type: 'other', message: 'additionalParams.stream was ignored: rig-ts sets stream for the call it makes' },
    ]);
    expect(JSON.parse(server!.requests[0]!.body)).toEqual({
      model: 'llama3.2',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      tools: [{ type: 'function', function: { name: 'get_weather', description: 'Weather', parameters: weather.parameters } }, extraTool],
      options: { temperature: 1, seed: 2 },
    });
  });

  it.each([
    ['null', null, 'a completion request must be an object (got null)'],
    ['a request without a tools array', { chatHistory: [Message.user('hi')], documents: [] }, 'tools must be an array of tool definitions (`[]` for none)'],
    [
      'a throwing getter in additionalParams',
      {
        ...request,
        additionalParams: {
          get keep_alive(): string {
            throw new Error('no');
          },
        },
      },
      'additionalParams.keep_alive is not JSON data: no',
    ],
  ])('refuses %s with a request error before anything is sent', async (_name, value, expected) => {
    const model = await serve((_request, response) => sendNdjson(response, answer));
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
