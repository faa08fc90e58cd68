import { describe, expect, it } from 'vitest';
import { simulatedAnswer } from './answer-conversation.js';
import { createSimulatorFetch } from './create-simulator-fetch.js';
import { decodeSse } from './test-utils/read-wire.js';

const chatBody = (stream: boolean) =>
  JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hello' }], stream });

describe('createSimulatorFetch', () => {
  it('answers in-process, with the same wire as the server', async () => {
    const simulatorFetch = createSimulatorFetch({ now: () => 0 });
    expect(simulatorFetch.baseURLs).toEqual({
      openai: 'http://simulator.invalid/v1',
      anthropic: 'http://simulator.invalid/v1',
      gemini: 'http://simulator.invalid/v1beta',
      ollama: 'http://simulator.invalid',
    });
    const response = await simulatorFetch(`${simulatorFetch.baseURLs.openai}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chatBody(false),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const body = await response.json();
    expect(body.choices[0].message.content).toBe(simulatedAnswer('hello'));
    expect(body.created).toBe(0);
    expect(simulatorFetch.requests).toEqual([
      {
        method: 'POST',
        url: '/v1/chat/completions',
        headers: { 'content-type': 'application/json' },
        body: JSON.parse(chatBody(false)),
        api: 'openai-chat',
        model: 'gpt-4o',
        stream: false,
        fault: undefined,
      },
    ]);
    simulatorFetch.reset();
    expect(simulatorFetch.requests).toEqual([]);
  });

  it('takes a Request, streams, and honours a custom origin', async () => {
    const simulatorFetch = createSimulatorFetch({ url: 'http://localhost:9999/' });
    expect(simulatorFetch.url).toBe('http://localhost:9999');
    const response = await simulatorFetch(
      new Request('http://localhost:9999/v1/chat/completions', { method: 'POST', body: chatBody(true) }),
    );
    const events = decodeSse(await response.text());
    expect(events.at(-1)!.data).toBe('[DONE]');
  });

  it('spaces frames by x-sim-delay-ms', async () => {
    const simulatorFetch = createSimulatorFetch();
    const response = await simulatorFetch('http://simulator.invalid/api/chat', {
      method: 'POST',
      headers: { 'x-sim-delay-ms': '30', 'x-sim-chunk-size': '40' },
      body: JSON.stringify({ model: 'llama3.2', messages: [{ role: 'user', content: 'hello' }] }),
    });
    const reader = response.body!.getReader();
    const started = Date.now();
    let reads = 0;
    while (!(await reader.read()).done) reads++;
    expect(reads).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('emulates reset, cut and stall the way fetch reports them', async () => {
    const simulatorFetch = createSimulatorFetch();
    const url = `${simulatorFetch.baseURLs.openai}/chat/completions`;
    const reset = await simulatorFetch(url, {
      method: 'POST',
      headers: { 'x-sim-fault': 'reset' },
      body: chatBody(true),
    }).catch((error: unknown) => error);
    expect(reset).toBeInstanceOf(TypeError);
    expect(reset).toMatchObject({
      message: 'fetch failed',
      cause: { message: 'simulated connection reset (ECONNRESET)' },
    });
    const cut = await simulatorFetch(url, { method: 'POST', headers: { 'x-sim-fault': 'cut' }, body: chatBody(true) });
    await expect(cut.text()).rejects.toThrow('terminated');
    const controller = new AbortController();
    const stall = await simulatorFetch(url, {
      method: 'POST',
      headers: { 'x-sim-fault': 'stall' },
      body: chatBody(true),
      signal: controller.signal,
    });
    const reason = new Error('gave up');
    setTimeout(() => controller.abort(reason), 50);
    await expect(stall.text()).rejects.toBe(reason);
  });

  it('an abort during slow-first-byte rejects with the reason', async () => {
    const simulatorFetch = createSimulatorFetch();
    const controller = new AbortController();
    const reason = new Error('too slow');
    setTimeout(() => controller.abort(reason), 30);
    const started = Date.now();
    const error = await simulatorFetch(`${simulatorFetch.baseURLs.openai}/chat/completions`, {
      method: 'POST',
      headers: { 'x-sim-fault': 'slow-first-byte', 'x-sim-delay-ms': '5000' },
      body: chatBody(false),
      signal: controller.signal,
    }).catch((caught: unknown) => caught);
    expect(error).toBe(reason);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('answers GET probes and preflights with empty bodies', async () => {
    const simulatorFetch = createSimulatorFetch();
    expect(await (await simulatorFetch(`${simulatorFetch.url}/`)).text()).toBe('Ollama is running');
    const preflight = await simulatorFetch(`${simulatorFetch.baseURLs.openai}/responses`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.body).toBe(null);
  });
});
