import { describe, expect, it } from 'vitest';
import { simulatedAnswer } from './answer-conversation.js';
import { HTML_ERROR_PAGE } from './provider-error-body.js';
import { decodeNdjson, decodeSse, post } from './test-utils/read-wire.js';
import { useSimulator } from './test-utils/use-simulator.js';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
const simulator = useSimulator({ now: () => NOW });

type ApiCase = {
  api: string;
  url: () => string;
  body: (stream: boolean) => object;
  headers?: { [name: string]: string };
};
const prompt = 'hello';
const apis: ApiCase[] = [
  {
    api: 'openai-chat',
    url: () => `${simulator.baseURLs.openai}/chat/completions`,
    body: (stream) => ({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }], stream }),
  },
  {
    api: 'openai-responses',
    url: () => `${simulator.baseURLs.openai}/responses`,
    body: (stream) => ({ model: 'gpt-4o', input: prompt, stream }),
  },
  {
    api: 'anthropic',
    url: () => `${simulator.baseURLs.anthropic}/messages`,
    body: (stream) => ({
      model: 'claude-sonnet-4-5',
      max_tokens: 100,
      messages: [{ role: 'user', content: prompt }],
      stream,
    }),
    headers: { 'anthropic-version': '2023-06-01' },
  },
  {
    api: 'gemini',
    url: () => `${simulator.baseURLs.gemini}/models/gemini-2.5-flash:streamGenerateContent?alt=sse`,
    body: () => ({ contents: [{ role: 'user', parts: [{ text: prompt }] }] }),
  },
  {
    api: 'ollama',
    url: () => `${simulator.baseURLs.ollama}/api/chat`,
    body: (stream) => ({ model: 'llama3.2', messages: [{ role: 'user', content: prompt }], stream }),
  },
];

function send(apiCase: ApiCase, headers: { [name: string]: string }, stream = true) {
  return post(apiCase.url(), apiCase.body(stream), { ...apiCase.headers, ...headers });
}

/** The text a stream carried, read from whatever events it has. */
function streamedText(api: string, body: string): string {
  if (api === 'ollama')
    return decodeNdjson(body)
      .map((line) => (line as { message: { content: string } }).message.content)
      .join('');
  const events = decodeSse(body);
  return events
    .map(({ data }) => {
      const value = data as { [key: string]: any };
      if (api === 'openai-chat') return value.choices?.[0]?.delta?.content ?? '';
      if (api === 'openai-responses') return value.type === 'response.output_text.delta' ? value.delta : '';
      if (api === 'anthropic') return value.delta?.type === 'text_delta' ? value.delta.text : '';
      return value.candidates[0].content.parts[0].text ?? '';
    })
    .join('');
}

describe('simulator faults', () => {
  it('429 in every API envelope, with retry-after: 1 by default', async () => {
    const bodies: { [api: string]: unknown } = {};
    for (const apiCase of apis) {
      const response = await send(apiCase, { 'x-sim-fault': '429' });
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('1');
      expect(response.headers.get('x-sim-fault')).toBe('429');
      bodies[apiCase.api] = await response.json();
    }
    const message = 'Rate limit exceeded (simulated fault 429)';
    expect(bodies).toEqual({
      'openai-chat': { error: { message, type: 'requests', param: null, code: 'rate_limit_exceeded' } },
      'openai-responses': { error: { message, type: 'requests', param: null, code: 'rate_limit_exceeded' } },
      anthropic: {
        type: 'error',
        error: { type: 'rate_limit_error', message },
        request_id: expect.stringMatching(/^req_011C/),
      },
      gemini: {
        error: {
          code: 429,
          message,
          status: 'RESOURCE_EXHAUSTED',
          details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '1s' }],
        },
      },
      ollama: { error: message },
    });
    expect(simulator.requests.map((request) => request.fault)).toEqual(['429', '429', '429', '429', '429']);
  });

  it('x-sim-retry-after chooses seconds, milliseconds, an HTTP date or nothing', async () => {
    const [chat] = apis;
    const headersOf = async (value: string) => {
      const response = await send(chat!, { 'x-sim-fault': '429', 'x-sim-retry-after': value });
      return {
        'retry-after': response.headers.get('retry-after'),
        'retry-after-ms': response.headers.get('retry-after-ms'),
      };
    };
    expect(await headersOf('2')).toEqual({ 'retry-after': '2', 'retry-after-ms': null });
    expect(await headersOf('250ms')).toEqual({ 'retry-after': null, 'retry-after-ms': '250' });
    expect(await headersOf('date')).toEqual({ 'retry-after': 'Wed, 01 Jan 2025 12:00:01 GMT', 'retry-after-ms': null });
    expect(await headersOf('date:30')).toEqual({
      'retry-after': 'Wed, 01 Jan 2025 12:00:30 GMT',
      'retry-after-ms': null,
    });
    expect(await headersOf('none')).toEqual({ 'retry-after': null, 'retry-after-ms': null });
    const gemini = await (await send(apis[3]!, { 'x-sim-fault': '429', 'x-sim-retry-after': '7' })).json();
    expect(gemini.error.details).toEqual([{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '7s' }]);
  });

  it('5xx faults in each envelope; retry-after only when asked', async () => {
    const expected: { [status: string]: { openai: unknown; anthropic: unknown; gemini: unknown } } = {
      '500': {
        openai: {
          error: {
            message: 'Internal server error (simulated fault 500)',
            type: 'server_error',
            param: null,
            code: null,
          },
        },
        anthropic: { type: 'api_error', message: 'Internal server error (simulated fault 500)' },
        gemini: { code: 500, message: 'Internal server error (simulated fault 500)', status: 'INTERNAL' },
      },
      '502': {
        openai: {
          error: { message: 'Bad gateway (simulated fault 502)', type: 'server_error', param: null, code: null },
        },
        anthropic: { type: 'api_error', message: 'Bad gateway (simulated fault 502)' },
        gemini: { code: 502, message: 'Bad gateway (simulated fault 502)', status: 'UNAVAILABLE' },
      },
      '503': {
        openai: {
          error: {
            message: 'Service unavailable (simulated fault 503)',
            type: 'server_error',
            param: null,
            code: null,
          },
        },
        anthropic: { type: 'api_error', message: 'Service unavailable (simulated fault 503)' },
        gemini: { code: 503, message: 'Service unavailable (simulated fault 503)', status: 'UNAVAILABLE' },
      },
      '529': {
        openai: {
          error: { message: 'Overloaded (simulated fault 529)', type: 'server_error', param: null, code: null },
        },
        anthropic: { type: 'overloaded_error', message: 'Overloaded (simulated fault 529)' },
        gemini: { code: 529, message: 'Overloaded (simulated fault 529)', status: 'UNAVAILABLE' },
      },
    };
    for (const [status, bodies] of Object.entries(expected)) {
      const openai = await send(apis[0]!, { 'x-sim-fault': status });
      expect(openai.status).toBe(Number(status));
      expect(openai.headers.get('retry-after')).toBe(null);
      expect(await openai.json()).toEqual(bodies.openai);
      expect((await (await send(apis[2]!, { 'x-sim-fault': status })).json()).error).toEqual(bodies.anthropic);
      expect((await (await send(apis[3]!, { 'x-sim-fault': status })).json()).error).toEqual(bodies.gemini);
    }
    const withRetry = await send(apis[0]!, { 'x-sim-fault': '503', 'x-sim-retry-after': '3' });
    expect(withRetry.headers.get('retry-after')).toBe('3');
  });

  it('x-sim-fault-count fails only the first N requests per fault and model', async () => {
    const [chat] = apis;
    const statuses: number[] = [];
    for (let index = 0; index < 3; index++)
      statuses.push((await send(chat!, { 'x-sim-fault': '503', 'x-sim-fault-count': '2' })).status);
    expect(statuses).toEqual([503, 503, 200]);
    // Another model has its own count.
    const other = await post(
      chat!.url(),
      { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] },
      { 'x-sim-fault': '503', 'x-sim-fault-count': '2' },
    );
    expect(other.status).toBe(503);
    expect(simulator.requests.map((request) => request.fault)).toEqual(['503', '503', undefined, '503']);
  });

  it('a model id containing fault-<name>[-<n>x] selects the fault (for clients that cannot set headers)', async () => {
    const body = (model: string) => ({ model, messages: [{ role: 'user', content: 'x' }] });
    const url = apis[0]!.url();
    expect((await post(url, body('gpt-4o-fault-429'))).status).toBe(429);
    expect((await post(url, body('gpt-4o-fault-429'))).status).toBe(429);
    const once = [await post(url, body('sim-fault-500-1x')), await post(url, body('sim-fault-500-1x'))].map(
      (response) => response.status,
    );
    expect(once).toEqual([500, 200]);
    const slow = Date.now();
    const response = await post(url, body('sim-fault-slow-first-byte'), { 'x-sim-delay-ms': '150' });
    expect(response.status).toBe(200);
    expect(Date.now() - slow).toBeGreaterThanOrEqual(140);
  });

  it('reset drops the connection before any header', async () => {
    for (const apiCase of apis) {
      const error = await send(apiCase, { 'x-sim-fault': 'reset' }).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toBe('fetch failed');
    }
  });

  it('cut sends half the stream (or half the body) then drops the connection', async () => {
    for (const apiCase of apis) {
      const response = await send(apiCase, { 'x-sim-fault': 'cut' });
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      let text = '';
      const decoder = new TextDecoder();
      const error = await (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return undefined;
          text += decoder.decode(value, { stream: true });
        }
      })().catch((caught: unknown) => caught);
      expect({ api: apiCase.api, message: (error as Error | undefined)?.message }).toEqual({
        api: apiCase.api,
        message: 'terminated',
      });
      expect(text.length).toBeGreaterThan(0);
      expect(simulatedAnswer(prompt).startsWith(streamedText(apiCase.api, text))).toBe(true);
    }
    const nonStreamed = await send(apis[0]!, { 'x-sim-fault': 'cut' }, false);
    await expect(nonStreamed.text()).rejects.toThrow('terminated');
  });

  it('malformed puts a frame that is not JSON mid-stream (and an invalid JSON body when not streamed)', async () => {
    for (const apiCase of apis) {
      const text = await (await send(apiCase, { 'x-sim-fault': 'malformed' })).text();
      const decode = () => (apiCase.api === 'ollama' ? decodeNdjson(text) : decodeSse(text));
      expect(decode).toThrow(SyntaxError);
    }
    const nonStreamed = await send(apis[1]!, { 'x-sim-fault': 'malformed' }, false);
    expect(nonStreamed.status).toBe(200);
    await expect(nonStreamed.json()).rejects.toThrow(SyntaxError);
  });

  it('no-end ends the stream without the provider end event', async () => {
    const ends: { [api: string]: unknown } = {};
    for (const apiCase of apis) {
      const text = await (await send(apiCase, { 'x-sim-fault': 'no-end' })).text();
      expect(streamedText(apiCase.api, text)).toBe(simulatedAnswer(prompt));
      if (apiCase.api === 'ollama')
        ends[apiCase.api] = decodeNdjson(text).some((line) => (line as { done: boolean }).done);
      else {
        const events = decodeSse(text);
        ends[apiCase.api] = events.some(({ event, data }) =>
          apiCase.api === 'openai-chat'
            ? data === '[DONE]' ||
              (data as { choices: { finish_reason: string | null }[] }).choices[0]?.finish_reason != null
            : apiCase.api === 'openai-responses'
              ? event === 'response.completed'
              : apiCase.api === 'anthropic'
                ? event === 'message_stop' || event === 'message_delta'
                : (data as { candidates: { finishReason?: string }[] }).candidates[0]!.finishReason !== undefined,
        );
      }
    }
    expect(ends).toEqual({
      'openai-chat': false,
      'openai-responses': false,
      anthropic: false,
      gemini: false,
      ollama: false,
    });
  });

  it('slow-first-byte waits x-sim-delay-ms before the headers, then streams at once', async () => {
    const started = Date.now();
    const response = await send(apis[0]!, { 'x-sim-fault': 'slow-first-byte', 'x-sim-delay-ms': '200' });
    const headersAt = Date.now() - started;
    await response.text();
    expect(headersAt).toBeGreaterThanOrEqual(190);
    // 15 frames: paced by the 200 ms delay they would take about 3 s.
    expect(Date.now() - started - headersAt).toBeLessThan(1000);
  });

  it('html answers a 502 HTML page', async () => {
    const response = await send(apis[2]!, { 'x-sim-fault': 'html' });
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(await response.text()).toBe(HTML_ERROR_PAGE);
  });

  it('stall sends the headers then nothing, until the client gives up', async () => {
    for (const stream of [true, false]) {
      const controller = new AbortController();
      const response = await post(apis[0]!.url(), apis[0]!.body(stream), { 'x-sim-fault': 'stall' });
      expect(response.status).toBe(200);
      // Measured from when the timer is set: nothing may arrive before the client gives up.
      const started = Date.now();
      setTimeout(() => controller.abort(new Error('gave up')), 100);
      const reader = response.body!.getReader();
      controller.signal.addEventListener('abort', () => void reader.cancel(controller.signal.reason));
      const result = await reader.read();
      expect(result.done).toBe(true);
      expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    }
  });

  it('x-sim-delay-ms spaces the frames; x-sim-chunk-size sizes the text deltas', async () => {
    const started = Date.now();
    const response = await send(apis[4]!, { 'x-sim-delay-ms': '40', 'x-sim-chunk-size': '30' });
    const reader = response.body!.getReader();
    const arrivals: number[] = [];
    for (;;) {
      const { done } = await reader.read();
      if (done) break;
      arrivals.push(Date.now() - started);
    }
    // The 72-character answer in 30-character pieces: 3 lines, then the done line, the last 3 × 40 ms after the first.
    expect(arrivals).toHaveLength(4);
    expect(arrivals[3]!).toBeGreaterThanOrEqual(115);
  });

  it('rejects unknown fault names and bad settings with a 400 naming the header', async () => {
    const response = await send(apis[0]!, { 'x-sim-fault': '418' });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toBe(
      'unknown simulator fault "418" (x-sim-fault): use one of 400, 401, 404, 429, 500, 502, 503, 529, reset, cut, malformed, no-end, slow-first-byte, html, stall',
    );
    const chunk = await send(apis[4]!, { 'x-sim-chunk-size': '0' });
    expect(await chunk.json()).toEqual({ error: 'x-sim-chunk-size must be an integer of at least 1 (got "0")' });
    const retry = await send(apis[0]!, { 'x-sim-fault': '429', 'x-sim-retry-after': 'soon' });
    expect((await retry.json()).error.message).toBe(
      'x-sim-retry-after must be seconds ("2"), milliseconds ("250ms"), "date", "date:<seconds>" or "none" (got "soon")',
    );
  });
});

describe('simulator CORS and routing', () => {
  it('answers a preflight with the allowed methods and the requested headers', async () => {
    const response = await fetch(`${simulator.baseURLs.anthropic}/messages`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers':
          'x-api-key,anthropic-version,anthropic-dangerous-direct-browser-access,content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(Object.fromEntries([...response.headers].filter(([name]) => name.startsWith('access-control-')))).toEqual({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers':
        'x-api-key,anthropic-version,anthropic-dangerous-direct-browser-access,content-type',
      'access-control-max-age': '86400',
      'access-control-expose-headers': 'x-request-id, request-id, retry-after, retry-after-ms, x-sim-fault',
    });
    expect(simulator.requests).toEqual([]);
  });

  it('every answer, errors and streams included, allows any origin', async () => {
    const responses = [
      await send(apis[0]!, {}),
      await send(apis[1]!, { 'x-sim-fault': '429' }),
      await send(apis[2]!, { 'x-sim-fault': 'html' }),
      await fetch(`${simulator.url}/nowhere`),
    ];
    for (const response of responses) {
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      await response.text();
    }
  });

  it('answers unknown paths with 404 in the style of the API prefix', async () => {
    const openai = await fetch(`${simulator.url}/v1/embeddings`, { method: 'POST', body: '{}' });
    expect(openai.status).toBe(404);
    expect(await openai.json()).toEqual({
      error: { message: 'Invalid URL (POST /v1/embeddings)', type: 'invalid_request_error', param: null, code: null },
    });
    const gemini = await fetch(`${simulator.url}/v1beta/models/x:embedContent`, { method: 'POST', body: '{}' });
    expect(await gemini.json()).toEqual({
      error: { code: 404, message: 'Method not found: POST /v1beta/models/x:embedContent.', status: 'NOT_FOUND' },
    });
    const other = await fetch(`${simulator.url}/nowhere`);
    expect(await other.text()).toBe('404 page not found');
  });
});
