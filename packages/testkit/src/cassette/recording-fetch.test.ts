import { HttpTransport } from '@rig-ts/http';
import { createStreamingResponse, type StreamAdapter } from '@rig-ts/streaming/internal';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulatedAnswer } from '../simulator/answer-conversation.js';
import { startSimulator, type Simulator } from '../simulator/start-simulator.js';
import { recordingFetch } from './recording-fetch.js';
import { replayingFetch } from './replaying-fetch.js';

const KEY = 'sk-live-0123456789abcdef';
const GOOGLE_KEY = 'AIzaSy-secret-google-key';
let simulator: Simulator;
beforeAll(async () => {
  simulator = await startSimulator({ now: () => 1_750_000_000_000 });
});
afterAll(() => simulator.close());

function responsesAdapter(): StreamAdapter {
  return {
    onFrame(data, event, accumulator) {
      const frame = data as {
        delta?: string;
        response?: { usage: { input_tokens: number; output_tokens: number; total_tokens: number } };
      };
      if (event === 'response.output_text.delta') accumulator.text(frame.delta!);
      if (event === 'response.completed') {
        const usage = frame.response!.usage;
        accumulator.usage = {
          promptTokens: usage.input_tokens,
          completionTokens: usage.output_tokens,
          totalTokens: usage.total_tokens,
        };
        accumulator.finishReason = 'stop';
        accumulator.end();
      }
    },
  };
}

describe('recordingFetch → replayingFetch', () => {
  it('records real traffic with credentials redacted, then replays it offline identically', async () => {
    const simulator = await startSimulator({ now: () => 1_750_000_000_000 });
    const recorder = recordingFetch({ secrets: [KEY, GOOGLE_KEY, undefined] });
    const live: { status: number; contentType: string | null; body: string }[] = [];
    const calls: [string, RequestInit][] = [
      [
        `${simulator.baseURLs.openai}/chat/completions`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
          body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: `my key is ${KEY}` }] }),
        },
      ],
      [
        `${simulator.baseURLs.anthropic}/messages`,
        {
          method: 'POST',
          headers: { 'x-api-key': KEY, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
          body: JSON.stringify({
            model: 'claude-sonnet-4-5',
            max_tokens: 64,
            stream: true,
            messages: [{ role: 'user', content: 'hello' }],
          }),
        },
      ],
      [
        `${simulator.baseURLs.gemini}/models/gemini-2.5-flash:generateContent?key=${GOOGLE_KEY}`,
        {
          method: 'POST',
          headers: { 'x-goog-api-key': GOOGLE_KEY },
          body: JSON.stringify({ contents: [{ parts: [{ text: 'hi' }] }] }),
        },
      ],
      [
        `${simulator.baseURLs.openai}/chat/completions`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${KEY}`, 'x-sim-fault': '429' },
          body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] }),
        },
      ],
      [`${simulator.url}/api/tags`, { method: 'GET' }],
    ];
    for (const [url, init] of calls) {
      const response = await recorder(url, init);
      live.push({
        status: response.status,
        contentType: response.headers.get('content-type'),
        body: await response.text(),
      });
    }
    const cassette = recorder.cassette;
    const json = JSON.stringify(cassette);
    expect(json).not.toContain(KEY);
    expect(json).not.toContain(GOOGLE_KEY);
    expect(cassette.interactions.map((interaction) => interaction.request.url)).toEqual([
      `${simulator.baseURLs.openai}/chat/completions`,
      `${simulator.baseURLs.anthropic}/messages`,
      `${simulator.baseURLs.gemini}/models/gemini-2.5-flash:generateContent?key=[REDACTED]`,
      `${simulator.baseURLs.openai}/chat/completions`,
      `${simulator.url}/api/tags`,
    ]);
    expect(cassette.interactions[0]!.request).toEqual({
      method: 'POST',
      url: `${simulator.baseURLs.openai}/chat/completions`,
      headers: { authorization: '[REDACTED]', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'my key is [REDACTED]' }] }),
    });
    expect(cassette.interactions[1]!.request.headers).toEqual({
      'x-api-key': '[REDACTED]',
      'anthropic-version': '2023-06-01',
      'content-type': 'application/json',
    });
    expect(cassette.interactions[2]!.request.headers).toEqual({
      'x-goog-api-key': '[REDACTED]',
      'content-type': 'text/plain;charset=UTF-8',
    });
    expect(cassette.interactions[4]!.request.body).toBe(null);
    // The server saw the real values.
    expect(simulator.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    const stream = cassette.interactions[1]!.response!;
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(stream.headers['content-length']).toBeUndefined();
    expect(stream.body).toBe(live[1]!.body);
    expect(stream.body.startsWith('event: message_start\ndata: {"type":"message_start"')).toBe(true);
    expect(cassette.interactions[3]!.response).toMatchObject({
      status: 429,
      statusText: 'Too Many Requests',
      headers: { 'retry-after': '1' },
    });

    await simulator.close();
    const replay = replayingFetch(cassette, { secrets: [KEY, GOOGLE_KEY] });
    const replayed: typeof live = [];
    for (const [url, init] of calls) {
      const response = await replay(url, init);
      replayed.push({
        status: response.status,
        contentType: response.headers.get('content-type'),
        body: await response.text(),
      });
    }
    // Identical, but for the secret the simulator echoed back, which the cassette never holds.
    expect(live[0]!.body).toContain(KEY);
    expect(replayed).toEqual(
      live.map((response) => ({ ...response, body: response.body.replaceAll(KEY, '[REDACTED]') })),
    );
    expect(replay.unused).toEqual([]);
    replay.assertAllUsed();
  });

  it('passes streams through as they arrive while recording, and replays them in event-sized chunks', async () => {
    const recorder = recordingFetch();
    const body = JSON.stringify({ model: 'gpt-4o', input: 'hello', stream: true });
    const init = { method: 'POST', headers: { 'x-sim-delay-ms': '40' }, body };
    const response = await recorder(`${simulator.baseURLs.openai}/responses`, init);
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toMatch(/^event: response.created\n/);
    // The first event reached the reader while the recording was still waiting for the rest.
    expect(recorder.cassette.interactions[0]!.response!.body).toBe('');
    while (!(await reader.read()).done);
    const recordedBody = recorder.cassette.interactions[0]!.response!.body;
    const events = recordedBody.split('\n\n').filter((piece) => piece !== '');
    const replayReader = (
      await replayingFetch(recorder.cassette)(`${simulator.baseURLs.openai}/responses`, init)
    ).body!.getReader();
    const chunks: string[] = [];
    for (;;) {
      const { done, value } = await replayReader.read();
      if (done) break;
      chunks.push(new TextDecoder().decode(value));
    }
    expect(chunks).toEqual(events.map((event) => `${event}\n\n`));
  });

  it('a replayed stream drives rig-ts streaming to the same result as the live one', async () => {
    const recorder = recordingFetch({ secrets: [KEY] });
    const body = { model: 'gpt-4o', input: 'hello', stream: true };
    const liveTransport = new HttpTransport({
      provider: 'OpenAI',
      baseURL: simulator.baseURLs.openai,
      apiKey: KEY,
      fetch: recorder,
    });
    const live = await createStreamingResponse(
      await liveTransport.postStream('/responses', body),
      'sse',
      responsesAdapter(),
    ).final;
    expect(live.choice).toEqual([{ type: 'text', text: simulatedAnswer('hello') }]);
    const replayTransport = new HttpTransport({
      provider: 'OpenAI',
      baseURL: simulator.baseURLs.openai,
      apiKey: 'another-key',
      fetch: replayingFetch(recorder.cassette, { chunkSize: 7 }),
    });
    const replayed = await createStreamingResponse(
      await replayTransport.postStream('/responses', body),
      'sse',
      responsesAdapter(),
    ).final;
    expect(replayed).toEqual(live);
  });

  it('records a network failure and a body cut mid-way, and replays both', async () => {
    const recorder = recordingFetch();
    const url = `${simulator.baseURLs.openai}/chat/completions`;
    const request = (fault: string) => ({
      method: 'POST',
      headers: { 'x-sim-fault': fault },
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }], stream: true }),
    });
    await expect(recorder(url, request('reset'))).rejects.toThrow('fetch failed');
    const cut = await recorder(url, request('cut'));
    await expect(cut.text()).rejects.toThrow('terminated');
    expect(recorder.cassette.interactions[0]).toMatchObject({ error: 'fetch failed' });
    expect(recorder.cassette.interactions[0]!.response).toBeUndefined();
    const partial = recorder.cassette.interactions[1]!.response!;
    expect(partial.truncated).toBe(true);
    expect(partial.body.startsWith('data: {"id":"chatcmpl-')).toBe(true);
    const replay = replayingFetch(recorder.cassette);
    const reset = await replay(url, request('reset')).catch((error: unknown) => error);
    expect(reset).toBeInstanceOf(TypeError);
    expect((reset as Error).message).toBe('fetch failed');
    const replayedCut = await replay(url, request('cut'));
    const reader = replayedCut.body!.getReader();
    let text = '';
    const error = await (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return undefined;
        text += new TextDecoder().decode(value);
      }
    })().catch((caught: unknown) => caught);
    expect(text).toBe(partial.body);
    expect((error as Error).message).toBe('terminated');
  });

  it('a reader that cancels leaves a truncated recording', async () => {
    const recorded: string[] = [];
    const recorder = recordingFetch({ onRecord: (interaction) => recorded.push(interaction.request.url) });
    const response = await recorder(`${simulator.url}/api/chat`, {
      method: 'POST',
      headers: { 'x-sim-delay-ms': '20' },
      body: JSON.stringify({ model: 'llama3.2', messages: [{ role: 'user', content: 'hello' }] }),
    });
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    expect(recorder.cassette.interactions[0]!.response).toMatchObject({ truncated: true });
    expect(recorder.cassette.interactions[0]!.response!.body.split('\n').filter((line) => line !== '')).toHaveLength(1);
    expect(recorded).toEqual([`${simulator.url}/api/chat`]);
  });

  it('keeps binary bodies as base64', async () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    const recorder = recordingFetch({
      fetch: async () => new Response(bytes, { headers: { 'content-type': 'application/octet-stream' } }),
    });
    await (await recorder('http://binary.invalid/file')).arrayBuffer();
    expect(recorder.cassette.interactions[0]!.response).toEqual({
      status: 200,
      statusText: '',
      headers: { 'content-type': 'application/octet-stream' },
      body: 'AAEC+v8=',
      bodyEncoding: 'base64',
    });
    const replayed = new Uint8Array(
      await (await replayingFetch(recorder.cassette)('http://binary.invalid/file')).arrayBuffer(),
    );
    expect(replayed).toEqual(bytes);
  });

  it('encodes a binary body that arrives in pieces as one base64 string', async () => {
    const pieces = [new Uint8Array([0, 1]), new Uint8Array([2, 250, 255])];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const piece of pieces) controller.enqueue(piece);
        controller.close();
      },
    });
    const recorder = recordingFetch({
      fetch: async () => new Response(body, { headers: { 'content-type': 'application/octet-stream' } }),
    });
    await (await recorder('http://binary.invalid/file')).arrayBuffer();
    expect(recorder.cassette.interactions[0]!.response).toMatchObject({ body: 'AAEC+v8=', bodyEncoding: 'base64' });
  });

  it('appends to a given cassette', async () => {
    const cassette = { version: 1 as const, interactions: [] };
    const recorder = recordingFetch({ cassette });
    await (await recorder(`${simulator.url}/`)).text();
    expect(recorder.cassette).toBe(cassette);
    expect(cassette.interactions).toHaveLength(1);
  });
});

describe('recordingFetch and credentials it was not told about', () => {
  it("redacts a key the server echoes back, in the body and the headers, from the request's own credentials", async () => {
    const echo = (async (input: Request) => {
      const key = (input.headers.get('authorization') ?? input.headers.get('x-api-key') ?? '').replace('Bearer ', '');
      return new Response(JSON.stringify({ error: { message: `Incorrect API key provided: ${key}.` } }), {
        status: 401,
        headers: { 'content-type': 'application/json', 'x-echo-key': key },
      });
    }) as unknown as typeof fetch;
    const recorder = recordingFetch({ fetch: echo });
    await (
      await recorder('http://api.test/v1/responses', {
        method: 'POST',
        headers: { authorization: `Bearer ${KEY}` },
        body: '{}',
      })
    ).text();
    await (
      await recorder('http://api.test/v1/messages', { method: 'POST', headers: { 'x-api-key': KEY }, body: '{}' })
    ).text();
    expect(JSON.stringify(recorder.cassette)).not.toContain(KEY);
    expect(
      recorder.cassette.interactions.map((interaction) => [
        interaction.response!.body,
        interaction.response!.headers['x-echo-key'],
      ]),
    ).toEqual([
      ['{"error":{"message":"Incorrect API key provided: [REDACTED]."}}', '[REDACTED]'],
      ['{"error":{"message":"Incorrect API key provided: [REDACTED]."}}', '[REDACTED]'],
    ]);
    // Replaying redacts the live request the same way, so it still matches.
    const replay = replayingFetch(recorder.cassette);
    expect(
      (
        await replay('http://api.test/v1/responses', {
          method: 'POST',
          headers: { authorization: `Bearer ${KEY}` },
          body: '{}',
        })
      ).status,
    ).toBe(401);
  });

  it('leaves short test keys alone (a key "k" would redact every k)', async () => {
    const echo = (async () =>
      new Response('look, a kite', { headers: { 'content-type': 'text/plain' } })) as unknown as typeof fetch;
    const recorder = recordingFetch({ fetch: echo });
    await (await recorder('http://api.test/x', { headers: { authorization: 'Bearer k' } })).text();
    expect(recorder.cassette.interactions[0]!.response!.body).toBe('look, a kite');
  });
});

describe('recordingFetch and replayingFetch under garbage collection', () => {
  // A Request follows its init signal only through a weak reference: the caller's signal must be what reaches the
  // body, or an abort after a garbage collection would leave the read hanging.
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as () => void;

  it('an abort still ends a stalled recorded body', async () => {
    const recorder = recordingFetch();
    const controller = new AbortController();
    const response = await recorder(`${simulator.baseURLs.openai}/chat/completions`, {
      method: 'POST',
      headers: { 'x-sim-fault': 'stall' },
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }], stream: true }),
      signal: controller.signal,
    });
    const reading = response.text().catch((error: unknown) => error);
    const timer = setInterval(collect, 10);
    await new Promise((resolve) => setTimeout(resolve, 100));
    controller.abort(new Error('caller gave up'));
    const error = await reading;
    clearInterval(timer);
    expect(error).toMatchObject({ message: 'caller gave up' });
    expect(recorder.cassette.interactions[0]!.response!.truncated).toBe(true);
  }, 5_000);

  it('an abort still ends a replayed body', async () => {
    const cassette = {
      version: 1 as const,
      interactions: [
        {
          request: { method: 'GET', url: 'http://api.test/x', headers: {}, body: null },
          response: {
            status: 200,
            statusText: 'OK',
            headers: { 'content-type': 'text/event-stream' },
            body: 'data: 1\n\n'.repeat(1000),
            truncated: true,
          },
        },
      ],
    };
    const controller = new AbortController();
    const response = await replayingFetch(cassette, { chunkSize: 8 })('http://api.test/x', {
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    const timer = setInterval(collect, 10);
    await new Promise((resolve) => setTimeout(resolve, 100));
    controller.abort(new Error('caller gave up'));
    let error: unknown;
    for (;;) {
      const result = await reader.read().catch((caught: unknown) => ({ failed: caught }));
      if ('failed' in result) {
        error = result.failed;
        break;
      }
      if (result.done) break;
    }
    clearInterval(timer);
    expect(error).toMatchObject({ message: 'caller gave up' });
  }, 5_000);
});
