import { readFileSync } from 'node:fs';
import { Message, PromptError, type CompletionRequest } from '@rig-ts/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import stubText from './__fixtures__/stub-text.json' with { type: 'json' };
import * as together from './index.js';

// Recorded-shape stubs stand in for recordings until real ones exist: add them under
// packages/fixtures/data/together/ and replay them with @rig-ts/provider-tests (see CONTRIBUTING.md).
const stubToolCallLines = readFileSync(new URL('./__fixtures__/stub-tool-call.chunks.txt', import.meta.url), 'utf8').split('\n').filter((line) => line !== '');

interface Sent {
  url: string;
  headers: { [name: string]: string };
  body: any;
}

/** A `fetch` that records each request and answers with `answer()`. */
function stubFetch(answer: () => Response): { fetch: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  const fetchImplementation = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const headers: { [name: string]: string } = {};
    request.headers.forEach((value, name) => (headers[name] = value));
    sent.push({ url: request.url, headers, body: JSON.parse(await request.text()) });
    return answer();
  };
  return { fetch: fetchImplementation as typeof fetch, sent };
}

const json = (body: unknown) => () => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
const sse = (lines: string[]) => () => new Response(`${lines.map((line) => `data: ${line}\n\n`).join('')}data: [DONE]\n\n`, { headers: { 'content-type': 'text/event-stream' } });
const request: CompletionRequest = { chatHistory: [Message.user('hi')], documents: [], tools: [] };

afterEach(() => vi.unstubAllEnvs());

describe('together.Client', () => {
  it('documents its defaults', () => {
    expect(together.TOGETHER_DEFAULTS).toMatchObject({ provider: 'together', displayName: 'Together AI', baseURL: 'https://api.together.xyz/v1', apiKeyVariables: ['TOGETHER_API_KEY'], baseURLVariable: 'TOGETHER_BASE_URL' });
  });

  it('reads TOGETHER_API_KEY and TOGETHER_BASE_URL when a request is made, and parses the answer', async () => {
    vi.stubEnv('TOGETHER_API_KEY', 'key-from-env');
    vi.stubEnv('TOGETHER_BASE_URL', 'https://proxy.test/v1/');
    const stub = stubFetch(json(stubText));
    const response = await new together.Client({ fetch: stub.fetch }).completionModel('stub-model').completion(request);
    expect(response.choice).toEqual([{ type: 'text', text: 'Hello from the stub.' }]);
    expect(response.usage).toEqual({ promptTokens: 9, completionTokens: 5, totalTokens: 14 });
    expect([response.id, response.model, response.finishReason, response.rawFinishReason]).toEqual(['chatcmpl-stub-1', 'stub-model', 'stop', 'stop']);
    expect(stub.sent).toEqual([
      {
        url: 'https://proxy.test/v1/chat/completions',
        headers: { authorization: 'Bearer key-from-env', 'content-type': 'application/json' },
        body: { model: 'stub-model', messages: [{ role: 'user', content: 'hi' }] },
      },
    ]);
  });

  it('names the option and the variable when the key is missing', async () => {
    vi.stubEnv('TOGETHER_API_KEY', '');
    const error = await together.Client.fromEnv().completionModel('stub-model').prompt('hi').catch((caught: unknown) => caught);
    expect(PromptError.isInstance(error)).toBe(true);
    expect((error as PromptError).cause).toMatchObject({
      kind: 'request',
      message: 'Together AI API key is missing: pass it as the apiKey option or set the TOGETHER_API_KEY environment variable',
    });
  });

  it('streams a tool call assembled from its fragments, with the usage of the last chunk', async () => {
    const stub = stubFetch(sse(stubToolCallLines));
    const model = new together.Client({ apiKey: 'k', fetch: stub.fetch }).completionModel('stub-model');
    const final = await (await model.completionRequest('Weather in Paris?').maxTokens(64).stream()).final;
    expect(final.choice).toEqual([{ type: 'tool-call', id: 'call_stub', function: { name: 'weather', arguments: { city: 'Paris' } } }]);
    expect(final.usage).toEqual({ promptTokens: 20, completionTokens: 8, totalTokens: 28 });
    expect(final.finishReason).toBe('tool-calls');
    expect(stub.sent[0]?.body).toEqual({
      model: 'stub-model',
      messages: [{ role: 'user', content: 'Weather in Paris?' }],
      max_tokens: 64,
      stream: true,
      stream_options: { include_usage: true },
    });
  });
});
