import { CompletionError, Message, type CompletionRequest, type StreamedAssistantContent } from '@rig-ts/core';
import { sendJson, sendSse, startLoopbackServer, type Handler, type LoopbackServer } from '@rig-ts/fixtures/loopback';
import { afterEach, describe, expect, it } from 'vitest';
import type { GeminiCompletionModel } from './gemini-completion-model.js';
import { Client } from './gemini-provider.js';

// Issue 16 on the Gemini wire, over a real loopback connection: where a stream ends, frames of the wrong shape, empty
// answers, tool calls cut by the token limit, additionalParams and misuse.

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: Handler): Promise<GeminiCompletionModel> {
  server = await startLoopbackServer(handler);
  return new Client({ apiKey: 'test-gemini-key', baseURL: `${server.url}/v1beta`, maxRetries: 0, idleTimeoutMs: 60_000 }).completionModel('gemini-2.5-flash');
}

const request: CompletionRequest = { chatHistory: [Message.user('hi')], documents: [], tools: [] };
const usage = { promptTokenCount: 4, candidatesTokenCount: 2, totalTokenCount: 6 };
const chunk = (parts: unknown[], finishReason?: string, usageMetadata: unknown = { promptTokenCount: 4, totalTokenCount: 4 }) => ({
  candidates: [{ content: { role: 'model', parts }, ...(finishReason === undefined ? {} : { finishReason }), index: 0 }],
  usageMetadata,
  modelVersion: 'gemini-2.5-flash',
  responseId: 'resp-1',
});
const frame = (value: unknown) => `data: ${JSON.stringify(value)}\r\n\r\n`;
const answer = frame(chunk([{ text: 'Hel' }])) + frame(chunk([{ text: 'lo' }])) + frame(chunk([{ text: '' }], 'STOP', usage));
const expectedHello = { choice: [{ type: 'text', text: 'Hello' }], usage: { promptTokens: 4, completionTokens: 2, totalTokens: 6 }, finishReason: 'stop', rawFinishReason: 'STOP', id: 'resp-1', model: 'gemini-2.5-flash' };

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

describe('a Gemini stream ends at the event carrying the finishReason and the usage', () => {
  it('answers at once when the server holds the connection open after it, and closes it', async () => {
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

  it('appends nothing after it: more text, a junk frame, a late error', async () => {
    const late = frame(chunk([{ text: ' EXTRA' }])) + 'data: {oops\r\n\r\n' + frame({ error: { code: 500, message: 'late', status: 'INTERNAL' } });
    const model = await serve((_request, response) => sendSse(response, answer + late));
    const stream = await model.stream(request);
    const { items, error } = await collect(stream);
    expect(error).toBeUndefined();
    expect(texts(items)).toEqual(['Hel', 'lo']);
    expect(await stream.final).toMatchObject(expectedHello);
  });

  it('reads on after the intermediate finishReason of a code-execution round, the connection held open', async () => {
    const round = chunk([{ executableCode: { language: 'PYTHON', code: 'print(6 * 7)' } }, { codeExecutionResult: { outcome: 'OUTCOME_OK', output: '42\n' } }], 'STOP', usage);
    const model = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(frame(chunk([{ text: 'Let me run it. ' }])) + frame(round));
      setTimeout(() => response.write(frame(chunk([{ text: 'It is 42.' }], 'STOP', usage))), 50);
    });
    const final = await (await model.stream(request)).final;
    expect(final.choice).toEqual([{ type: 'text', text: 'Let me run it. It is 42.' }]);
    await expect.poll(() => server!.closedSockets, { timeout: 2_000 }).toBe(1);
  });
});

describe('Gemini frames and bodies of the wrong shape', () => {
  it.each([
    ['a number', 42, 'candidates[0].content.parts[0].text is not a string (got 42)'],
    ['an object', { value: 'lo' }, 'candidates[0].content.parts[0].text is not a string (got an object)'],
  ])('fails on a text that is %s, keeping the text before it and the frame as the body', async (_name, value, reason) => {
    const bad = JSON.stringify(chunk([{ text: value }]));
    const model = await serve((_request, response) => sendSse(response, answer.replace(frame(chunk([{ text: 'lo' }])), `data: ${bad}\r\n\r\n`)));
    const stream = await model.stream(request);
    const { items, error } = await collect(stream);
    expect(texts(items)).toEqual(['Hel']);
    expect(CompletionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ name: 'CompletionError.Response', kind: 'response', reason: 'malformed', isRetryable: false, message: `stream sent a "message" frame that rig-ts cannot read: ${reason}`, body: bad });
    expect(JSON.stringify(error)).not.toContain('[object Object]');
  });

  it.each([
    ['a negative token count', chunk([{ text: '' }], 'STOP', { ...usage, candidatesTokenCount: -2 }), 'usageMetadata.candidatesTokenCount is not a token count (a whole number of at least 0) (got -2)'],
    ['a function name that is a number', chunk([{ functionCall: { name: 1, args: {} } }]), 'candidates[0].content.parts[0].functionCall.name is not a string (got 1)'],
    ['function arguments that are an array', chunk([{ functionCall: { name: 'f', args: [1] } }]), 'candidates[0].content.parts[0].functionCall.args is not an object (got an array of 1 items)'],
    ['parts that are an object', { candidates: [{ content: { parts: { text: 'x' } } }] }, 'candidates[0].content.parts is not an array (got an object)'],
    ['a finish reason that is a number', chunk([{ text: 'x' }], 3 as never), 'candidates[0].finishReason is not a string (got 3)'],
  ])('fails on %s, streamed or not', async (_name, body, reason) => {
    const model = await serve((_request, response, index) => (index === 0 ? sendJson(response, 200, body) : sendSse(response, frame(body) + answer)));
    await expect(model.completion(request)).rejects.toMatchObject({ name: 'CompletionError.Response', kind: 'response', reason: 'malformed', message: `Gemini sent a response that rig-ts cannot read: ${reason}` });
    await expect((await model.stream(request)).final).rejects.toMatchObject({ kind: 'response', reason: 'malformed', message: `stream sent a "message" frame that rig-ts cannot read: ${reason}` });
  });

  it('keeps an in-stream error of the wrong shape readable', async () => {
    const model = await serve((_request, response) => sendSse(response, frame({ error: { code: 503, message: { text: 'busy' } } })));
    await expect((await model.stream(request)).final).rejects.toMatchObject({ kind: 'provider', isRetryable: true, message: 'Gemini reported an error in the stream: {"code":503,"message":{"text":"busy"}}' });
  });
});

describe('empty Gemini answers', () => {
  it('refuses a candidate without parts that stopped normally, streamed or not', async () => {
    const model = await serve((_request, response, index) => (index === 0 ? sendJson(response, 200, chunk([], 'STOP', usage)) : sendSse(response, frame(chunk([{ text: '' }], 'STOP', usage)))));
    await expect(model.completion(request)).rejects.toMatchObject({ name: 'CompletionError.Response', kind: 'response', reason: 'empty', message: 'Gemini sent an empty answer: no text, tool call or reasoning (finish reason "STOP")' });
    await expect((await model.stream(request)).final).rejects.toMatchObject({ kind: 'response', reason: 'empty', message: 'the stream sent an empty answer: no text, tool call or reasoning (finish reason "STOP")' });
  });

  it('answers an empty text with the finish reason that explains it (MAX_TOKENS, SAFETY)', async () => {
    const model = await serve((_request, response, index) => sendJson(response, 200, { candidates: [{ finishReason: index === 0 ? 'MAX_TOKENS' : 'SAFETY' }], usageMetadata: usage }));
    expect(await model.completion(request)).toMatchObject({ choice: [{ type: 'text', text: '' }], finishReason: 'length', rawFinishReason: 'MAX_TOKENS' });
    expect(await model.completion(request)).toMatchObject({ choice: [{ type: 'text', text: '' }], finishReason: 'content-filter', rawFinishReason: 'SAFETY' });
  });
});

describe('a Gemini tool call cut by the token limit', () => {
  it('keeps the text and reports the call whose streamed arguments never ended', async () => {
    const streamed =
      frame(chunk([{ text: 'Checking.' }])) +
      frame(chunk([{ functionCall: { name: 'get_weather', willContinue: true } }])) +
      frame(chunk([{ functionCall: { partialArgs: [{ jsonPath: '$.city', stringValue: 'Par', willContinue: true }], willContinue: true } }])) +
      frame(chunk([{ text: '' }], 'MAX_TOKENS', usage));
    const model = await serve((_request, response) => sendSse(response, streamed));
    const stream = await model.stream(request);
    const { items, error } = await collect(stream);
    expect(error).toBeUndefined();
    expect(await stream.final).toMatchObject({
      choice: [{ type: 'text', text: 'Checking.' }],
      finishReason: 'length',
      rawFinishReason: 'MAX_TOKENS',
      warnings: [
        {
          type: 'tool-call-cut',
          message: 'tool call "get_weather" (gemini-resp-1-0) was cut off by the token limit: its arguments are incomplete JSON, so it was left out of the answer',
          toolCall: { id: 'gemini-resp-1-0', name: 'get_weather', partialArguments: '{"city":"Par"' },
        },
      ],
    });
    expect(items.some((item) => item.type === 'tool-call')).toBe(false);
  });
});

describe('Gemini additionalParams and misuse', () => {
  const weather = { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: {} } };

  it('adds native tools to the function declarations and warns about each field it replaces', async () => {
    const model = await serve((_request, response) => sendJson(response, 200, chunk([{ text: 'Hello' }], 'STOP', usage)));
    const response = await model.completion({ ...request, tools: [weather], temperature: 0.2, additionalParams: { tools: [{ googleSearch: {} }], toolConfig: { functionCallingConfig: { mode: 'ANY' } }, generationConfig: { temperature: 1, topK: 3 } } });
    // toolConfig is new (no tool choice was set): added without a warning.
    expect(response.warnings).toEqual([{ type: 'other', message: 'additionalParams.generationConfig.temperature replaced the value rig-ts built from the request' }]);
    expect(JSON.parse(server!.requests[0]!.body)).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'hi' }] }],
      generationConfig: { temperature: 1, topK: 3 },
      tools: [{ functionDeclarations: [{ name: 'get_weather', description: 'Weather', parametersJsonSchema: weather.parameters }] }, { googleSearch: {} }],
      toolConfig: { functionCallingConfig: { mode: 'ANY' } },
    });
  });

  it.each([
    ['null', null, 'a completion request must be an object (got null)'],
    ['a request without a tools array', { chatHistory: [Message.user('hi')], documents: [] }, 'tools must be an array of tool definitions (`[]` for none)'],
    ['a cycle in additionalParams', (() => {
      const labels: { [key: string]: unknown } = {};
      labels.self = labels;
      return { ...request, additionalParams: { labels } };
    })(), /^additionalParams\.labels is not JSON data: Converting circular structure to JSON/],
  ])('refuses %s with a request error before anything is sent', async (_name, value, expected) => {
    const model = await serve((_request, response) => sendJson(response, 200, chunk([{ text: 'x' }], 'STOP', usage)));
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
