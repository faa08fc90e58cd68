import { inspect } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CompletionError } from '@rig-ts/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HttpTransport } from './http-transport.js';
import { sendJson, sendSse } from '@rig-ts/fixtures/loopback';
import { jsonResponse, never, scriptedFetch } from './test-utils/scripted-fetch.js';
import { completionFailure } from './test-utils/completion-failure.js';
import { useLoopbackServers } from './test-utils/use-loopback-servers.js';

const serve = useLoopbackServers();

function transport(
  url: string,
  overrides: Partial<ConstructorParameters<typeof HttpTransport>[0]> = {},
): HttpTransport {
  return new HttpTransport({
    provider: 'TestAI',
    baseURL: `${url}/v1/`,
    apiKey: 'sk-test',
    apiKeyVariables: ['TEST_API_KEY'],
    ...overrides,
  });
}

describe('HttpTransport.postJson', () => {
  it('posts JSON with the key and returns the body, headers and request id', async () => {
    const loopback = await serve((_request, response) =>
      sendJson(response, 200, { ok: true }, { 'x-request-id': 'req_123' }),
    );
    const result = await transport(loopback.url, { headers: { 'openai-organization': 'org_1' } }).postJson(
      '/responses',
      { model: 'm', input: 'hi' },
      { headers: { 'x-extra': '1' } },
    );
    expect(result.body).toEqual({ ok: true });
    expect(result.requestId).toBe('req_123');
    expect(result.headers.get('content-type')).toBe('application/json');
    expect(loopback.requests).toHaveLength(1);
    expect(loopback.requests[0]).toMatchObject({
      method: 'POST',
      url: '/v1/responses',
      body: '{"model":"m","input":"hi"}',
    });
    expect(loopback.requests[0]?.headers).toMatchObject({
      authorization: 'Bearer sk-test',
      'content-type': 'application/json',
      'openai-organization': 'org_1',
      'x-extra': '1',
    });
  });

  it.each([
    ['x-api-key', 'x-api-key', 'sk-test'],
    ['x-goog-api-key', 'x-goog-api-key', 'sk-test'],
    ['api-key', 'api-key', 'sk-test'],
  ] as const)('sends the key as %s', async (auth, header, value) => {
    const loopback = await serve((_request, response) => sendJson(response, 200, {}));
    await transport(loopback.url, { auth }).postJson('/x', {});
    expect(loopback.requests[0]?.headers[header]).toBe(value);
    expect(loopback.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('reads the key lazily and sends no auth when none is needed', async () => {
    const loopback = await serve((_request, response) => sendJson(response, 200, {}));
    let key: string | undefined;
    const lazy = transport(loopback.url, { apiKey: () => key, apiKeyVariables: undefined });
    await lazy.postJson('/x', {});
    expect(loopback.requests[0]?.headers.authorization).toBeUndefined();
    key = 'late-key';
    await lazy.postJson('/x', {});
    expect(loopback.requests[1]?.headers.authorization).toBe('Bearer late-key');
  });

  it('fails with a request error naming the option and variable when the key is missing', async () => {
    const error = await completionFailure(
      new HttpTransport({
        provider: 'TestAI',
        baseURL: 'http://127.0.0.1:1',
        apiKeyVariables: ['TEST_API_KEY', 'TEST_KEY'],
      }).postJson('/x', {}),
    );
    expect(error).toMatchObject({
      kind: 'request',
      path: 'apiKey',
      message:
        'TestAI API key is missing: pass it as the apiKey option or set the TEST_API_KEY or TEST_KEY environment variable',
    });
  });

  it('surfaces the provider error of a 400 without retrying', async () => {
    const loopback = await serve((_request, response) =>
      sendJson(
        response,
        400,
        {
          error: {
            message: "Invalid 'temperature': decimal below minimum value.",
            type: 'invalid_request_error',
            param: 'temperature',
            code: 'decimal_below_min_value',
          },
        },
        { 'x-request-id': 'req_400' },
      ),
    );
    const error = await completionFailure(transport(loopback.url).postJson('/responses', {}));
    expect(loopback.requests).toHaveLength(1);
    expect(error).toMatchObject({
      name: 'CompletionError.Http',
      kind: 'http',
      status: 400,
      isRetryable: false,
      attempts: 1,
      requestId: 'req_400',
      request: `POST ${loopback.url}/v1/responses`,
      providerError: {
        message: "Invalid 'temperature': decimal below minimum value.",
        type: 'invalid_request_error',
        param: 'temperature',
        code: 'decimal_below_min_value',
      },
    });
    expect(error.message).toBe(
      `TestAI returned HTTP 400 Bad Request for POST ${loopback.url}/v1/responses: Invalid 'temperature': decimal below minimum value.`,
    );
    if (error.kind !== 'http') throw new Error('kind');
    expect(error.headers?.['x-request-id']).toBe('req_400');
    expect(JSON.parse(error.body ?? '')).toMatchObject({ error: { code: 'decimal_below_min_value' } });
  });

  describe('retry timing (fake timers)', () => {
    beforeEach(() => {
      vi.useFakeTimers();
      vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    });
    afterEach(() => {
      vi.useRealTimers();
      vi.restoreAllMocks();
    });

    it('retries a 429 after the retry-after seconds, then succeeds', async () => {
      const fetch = scriptedFetch((_request, index) =>
        index === 0
          ? jsonResponse(429, { error: { message: 'Rate limit reached' } }, { 'retry-after': '1' })
          : jsonResponse(200, { ok: 1 }),
      );
      const pending = transport('http://api.test', { fetch }).postJson('/responses', {});
      await vi.advanceTimersByTimeAsync(999);
      expect(fetch.requests).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect((await pending).body).toEqual({ ok: 1 });
      expect(fetch.requests.map((request) => request.at - fetch.requests[0]!.at)).toEqual([0, 1000]);
      expect(fetch.requests[1]).toMatchObject({ method: 'POST', url: 'http://api.test/v1/responses', body: '{}' });
      expect(fetch.requests[1]?.headers.get('authorization')).toBe('Bearer sk-test');
    });

    it('honours retry-after-ms before retry-after, and an HTTP date', async () => {
      const fetch = scriptedFetch((_request, index) => {
        if (index === 0) return jsonResponse(503, {}, { 'retry-after-ms': '120', 'retry-after': '30' });
        // The second answer comes at 00:00:00.120 and asks to wait until 00:00:03.
        if (index === 1)
          return jsonResponse(503, {}, { 'retry-after': new Date('2026-01-01T00:00:03Z').toUTCString() });
        return jsonResponse(200, {});
      });
      const pending = transport('http://api.test', { fetch }).postJson('/x', {});
      await vi.advanceTimersByTimeAsync(3000);
      await pending;
      expect(fetch.requests.map((request) => request.at - fetch.requests[0]!.at)).toEqual([0, 120, 3000]);
    });

    it('waits out exponential backoff with full jitter, below min(8 s, 0.5 s × 2^(retry − 1))', async () => {
      vi.spyOn(Math, 'random').mockReturnValue(0.5);
      const fetch = scriptedFetch(() =>
        jsonResponse(500, { error: { message: 'The server had an error' } }, {}, 'Internal Server Error'),
      );
      const pending = completionFailure(transport('http://api.test', { fetch, maxRetries: 6 }).postJson('/x', {}));
      await vi.advanceTimersByTimeAsync(60_000);
      const error = await pending;
      const waits = fetch.requests.slice(1).map((request, index) => request.at - fetch.requests[index]!.at);
      expect(waits).toEqual([250, 500, 1000, 2000, 4000, 4000]);
      expect(error).toMatchObject({ kind: 'http', status: 500, attempts: 7, isRetryable: true });
      expect(error.message).toBe(
        'TestAI returned HTTP 500 Internal Server Error for POST http://api.test/v1/x: The server had an error',
      );
    });

    it('gives up after maxRetries: three 500s with maxRetries 2 fail with attempts 3', async () => {
      const fetch = scriptedFetch(() =>
        jsonResponse(500, { error: { message: 'The server had an error' } }, {}, 'Internal Server Error'),
      );
      const pending = completionFailure(transport('http://api.test', { fetch, maxRetries: 2 }).postJson('/x', {}));
      await vi.advanceTimersByTimeAsync(10_000);
      const error = await pending;
      expect(fetch.requests).toHaveLength(3);
      expect(error).toMatchObject({ kind: 'http', status: 500, attempts: 3, isRetryable: true });
    });

    it('fails at once with the 429 when its wait is longer than what is left of timeoutMs', async () => {
      for (const asked of [{ 'retry-after': '30' }, { 'retry-after-ms': '6000' }] as { [name: string]: string }[]) {
        const fetch = scriptedFetch((_request, index) =>
          index === 0
            ? jsonResponse(503, {}, { 'retry-after': '2' })
            : jsonResponse(
                429,
                { error: { message: 'Rate limit reached for requests' } },
                { ...asked, 'x-request-id': 'req_1' },
                'Too Many Requests',
              ),
        );
        const pending = completionFailure(transport('http://api.test', { fetch, timeoutMs: 7_000 }).postJson('/x', {}));
        await vi.advanceTimersByTimeAsync(2_000);
        // 5 s are left at the second answer: a wait of 6 s or 30 s would only end in a timeout.
        const error = await pending;
        expect(fetch.requests).toHaveLength(2);
        expect(error).toMatchObject({
          name: 'CompletionError.Http',
          kind: 'http',
          status: 429,
          attempts: 2,
          requestId: 'req_1',
          headers: asked,
          providerError: { message: 'Rate limit reached for requests' },
        });
        expect(error.message).toBe(
          'TestAI returned HTTP 429 Too Many Requests for POST http://api.test/v1/x: Rate limit reached for requests',
        );
      }
    });

    it('does not start a backoff that might outlast timeoutMs: the call fails with the error it would retry', async () => {
      vi.spyOn(Math, 'random').mockReturnValue(0.5);
      const fetch = scriptedFetch(() =>
        jsonResponse(500, { error: { message: 'The server had an error' } }, {}, 'Internal Server Error'),
      );
      const pending = completionFailure(
        transport('http://api.test', { fetch }).postJson('/x', {}, { timeoutMs: 1_000 }),
      );
      await vi.advanceTimersByTimeAsync(250);
      // The second backoff may last up to 1 s, and 750 ms are left.
      const error = await pending;
      expect(fetch.requests.map((request) => request.at - fetch.requests[0]!.at)).toEqual([0, 250]);
      expect(error).toMatchObject({
        kind: 'http',
        status: 500,
        attempts: 2,
        isRetryable: true,
        message:
          'TestAI returned HTTP 500 Internal Server Error for POST http://api.test/v1/x: The server had an error',
      });
    });

    it('follows x-should-retry', async () => {
      const refuse = scriptedFetch(() => jsonResponse(503, {}, { 'x-should-retry': 'false' }));
      await completionFailure(transport('http://api.test', { fetch: refuse }).postJson('/x', {}));
      expect(refuse.requests).toHaveLength(1);
      const insist = scriptedFetch((_request, index) =>
        index === 0
          ? jsonResponse(400, {}, { 'x-should-retry': 'true', 'retry-after-ms': '1' })
          : jsonResponse(200, {}),
      );
      const pending = transport('http://api.test', { fetch: insist }).postJson('/x', {});
      await vi.advanceTimersByTimeAsync(1);
      await pending;
      expect(insist.requests.map((request) => request.at - insist.requests[0]!.at)).toEqual([0, 1]);
      const insistWithSeconds = scriptedFetch((_request, index) =>
        index === 0 ? jsonResponse(400, {}, { 'x-should-retry': 'true', 'retry-after': '3' }) : jsonResponse(200, {}),
      );
      const second = transport('http://api.test', { fetch: insistWithSeconds }).postJson('/x', {});
      await vi.advanceTimersByTimeAsync(3_000);
      await second;
      expect(insistWithSeconds.requests.map((request) => request.at - insistWithSeconds.requests[0]!.at)).toEqual([
        0, 3000,
      ]);
    });

    it('fails with a timeout error after timeoutMs, covering retries', async () => {
      const fetch = scriptedFetch((request, index) =>
        index === 0 ? jsonResponse(503, {}, { 'retry-after': '1' }) : never(request),
      );
      const pending = completionFailure(
        transport('http://api.test', { fetch }).postJson('/x', {}, { timeoutMs: 3_000 }),
      );
      await vi.advanceTimersByTimeAsync(2_999);
      expect(fetch.requests).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(1);
      const error = await pending;
      expect(error).toMatchObject({
        kind: 'http',
        attempts: 2,
        isRetryable: true,
        message: 'TestAI call POST http://api.test/v1/x timed out after 3000 ms (timeoutMs)',
      });
      expect(fetch.requests).toHaveLength(2);
    });

    it('rejects with the signal reason when aborted during a retry wait, without another request', async () => {
      const fetch = scriptedFetch(() => jsonResponse(429, {}, { 'retry-after': '30' }));
      const controller = new AbortController();
      const pending = transport('http://api.test', { fetch })
        .postJson('/x', {}, { signal: controller.signal })
        .catch((caught: unknown) => caught);
      await vi.advanceTimersByTimeAsync(100);
      controller.abort('stop');
      expect(await pending).toBe('stop');
      await vi.advanceTimersByTimeAsync(60_000);
      expect(fetch.requests).toHaveLength(1);
    });
  });

  it('lets a per-call maxRetries override the client', async () => {
    const loopback = await serve((_request, response) => sendJson(response, 502, {}));
    const error = await completionFailure(
      transport(loopback.url, { maxRetries: 5 }).postJson('/x', {}, { maxRetries: 0 }),
    );
    expect(loopback.requests).toHaveLength(1);
    expect(error).toMatchObject({ status: 502, attempts: 1 });
  });

  it('retries a connection reset before any response byte', async () => {
    const loopback = await serve((_request, response, index) => {
      if (index === 0) response.socket?.destroy();
      else sendJson(response, 200, { after: 'reset' });
    });
    const result = await transport(loopback.url).postJson('/x', {});
    expect(result.body).toEqual({ after: 'reset' });
    expect(loopback.requests).toHaveLength(2);
  });

  it('counts the attempts that were made when the body of a retried call breaks', async () => {
    const loopback = await serve((_request, response, index) => {
      if (index === 0) return sendJson(response, 503, {}, { 'retry-after-ms': '1' });
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      response.write('{"partial":');
      setTimeout(() => response.socket?.destroy(), 20);
    });
    const error = await completionFailure(transport(loopback.url).postJson('/x', {}));
    expect(loopback.requests).toHaveLength(2);
    expect(error).toMatchObject({
      kind: 'http',
      attempts: 2,
      message: `network error calling TestAI at POST ${loopback.url}/v1/x: terminated: other side closed`,
    });
  });

  it('reports a network failure as a retryable http error with the cause', async () => {
    const error = await completionFailure(transport('http://127.0.0.1:9', { maxRetries: 0 }).postJson('/x', {}));
    expect(error).toMatchObject({
      kind: 'http',
      isRetryable: true,
      attempts: 1,
      request: 'POST http://127.0.0.1:9/v1/x',
    });
    expect(error.message).toMatch(/^network error calling TestAI at POST http:\/\/127\.0\.0\.1:9\/v1\/x: fetch failed/);
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(error.kind === 'http' && error.status).toBeUndefined();
  });

  it('rejects with the signal reason promptly when aborted while the headers are awaited', async () => {
    const slow = await serve(() => undefined);
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    const pending = transport(slow.url).postJson('/x', {}, { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 50);
    await expect(pending).rejects.toBe(reason);
    expect(slow.requests.length).toBeLessThanOrEqual(1);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const loopback = await serve((_request, response) => sendJson(response, 200, {}));
    await expect(transport(loopback.url).postJson('/x', {}, { signal: AbortSignal.abort('early') })).rejects.toBe(
      'early',
    );
    expect(loopback.requests).toHaveLength(0);
  });

  it('turns a non-JSON 200 body into a json error', async () => {
    const loopback = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html>Bad gateway</html>');
    });
    const error = await completionFailure(transport(loopback.url).postJson('/x', {}));
    expect(error).toMatchObject({ kind: 'json', body: '<html>Bad gateway</html>' });
    expect(error.message).toBe(
      `TestAI answered POST ${loopback.url}/v1/x with a body that is not JSON (content-type text/html): <html>Bad gateway</html>`,
    );
  });

  it('reads at most 64 KiB of a huge error body', async () => {
    const loopback = await serve((_request, response) => {
      response.writeHead(500, { 'content-type': 'text/html' });
      response.end('x'.repeat(5_000_000));
    });
    const error = await completionFailure(transport(loopback.url, { maxRetries: 0 }).postJson('/x', {}));
    if (error.kind !== 'http') throw new Error('kind');
    expect(error.body?.length).toBeLessThan(70_000);
    expect(error.body?.endsWith('…[truncated]')).toBe(true);
  });

  it('refuses a body that cannot be serialized', async () => {
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    const error = await completionFailure(transport('http://127.0.0.1:9').postJson('/x', cyclic));
    expect(error).toMatchObject({
      kind: 'json',
      message: 'the request body for POST http://127.0.0.1:9/v1/x cannot be serialized to JSON',
    });
  });
});

describe('HttpTransport.postStream', () => {
  it('returns the body stream once the headers are in', async () => {
    const loopback = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'request-id': 'req_s' });
      response.end('data: 1\n\n');
    });
    const call = await transport(loopback.url).postStream('/x', { stream: true });
    expect(call.requestId).toBe('req_s');
    expect(call.idleTimeoutMs).toBe(300_000);
    expect(await new Response(call.body).text()).toBe('data: 1\n\n');
    call.settle();
  });

  it('hands on an idle limit a timer can hold: Infinity (or more than 24.8 days) is none, not an instant timeout', async () => {
    const loopback = await serve((_request, response) => sendSse(response, 'data: 1\n\n'));
    for (const [idleTimeoutMs, expected] of [
      [Infinity, 0],
      [2 ** 31, 0],
      [0, 0],
      [2 ** 31 - 1, 2 ** 31 - 1],
      [1_000, 1_000],
    ] as const) {
      const call = await transport(loopback.url, { idleTimeoutMs }).postStream('/x', {});
      expect(call.idleTimeoutMs).toBe(expected);
      await new Response(call.body).text();
      call.settle();
    }
  });

  it('turns an error JSON where a stream was expected into a provider error', async () => {
    const loopback = await serve((_request, response) =>
      sendJson(response, 200, { error: { message: 'model overloaded', type: 'overloaded_error' } }),
    );
    const error = await completionFailure(transport(loopback.url).postStream('/x', {}));
    expect(error).toMatchObject({
      kind: 'provider',
      providerError: { message: 'model overloaded', type: 'overloaded_error' },
    });
    expect(error.message).toBe(
      `TestAI answered POST ${loopback.url}/v1/x with an error instead of a stream: model overloaded`,
    );
  });

  it('rejects a wrong content type with a response error', async () => {
    const loopback = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html>proxy login</html>');
    });
    const error = await completionFailure(transport(loopback.url).postStream('/x', {}));
    expect(error).toMatchObject({ kind: 'response', reason: 'unexpected' });
    expect(error.message).toBe(
      `TestAI answered POST ${loopback.url}/v1/x with content-type text/html instead of a stream: <html>proxy login</html>`,
    );
  });

  it('accepts the content types the caller allows', async () => {
    const loopback = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/x-ndjson' });
      response.end('{}\n');
    });
    const call = await transport(loopback.url).postStream(
      '/api/chat',
      {},
      {},
      { contentTypes: ['application/x-ndjson'] },
    );
    expect(await new Response(call.body).text()).toBe('{}\n');
    call.settle();
  });

  it('abort() closes the connection mid-stream and mapError returns the reason', async () => {
    const loopback = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: 1\n\n');
    });
    const call = await transport(loopback.url).postStream('/x', {});
    const reader = call.body.getReader();
    await reader.read();
    const pending = reader.read();
    call.abort('cancelled by test');
    const error = await pending.catch((caught: unknown) => caught);
    expect(call.mapError(error)).toBe('cancelled by test');
    call.settle();
    await expect.poll(() => loopback.closedSockets).toBe(1);
  });
});

describe('cancellation once the headers are in, while garbage is collected', () => {
  // ky's Request follows the call's signal only through a weak reference (undici's): were fetch given that request's
  // signal, collecting the request after the headers would cut the timeout and the caller's abort off the body read.
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as () => void;

  async function whileCollecting<T>(run: () => Promise<T>): Promise<T> {
    const timer = setInterval(collect, 10);
    try {
      return await run();
    } finally {
      clearInterval(timer);
    }
  }

  it('a JSON body that never comes still times out, and the connection is closed', async () => {
    const loopback = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.flushHeaders();
    });
    const error = await whileCollecting(() =>
      completionFailure(transport(loopback.url, { maxRetries: 0 }).postJson('/x', {}, { timeoutMs: 300 })),
    );
    expect(error.message).toBe(`TestAI call POST ${loopback.url}/v1/x timed out after 300 ms (timeoutMs)`);
    await expect.poll(() => loopback.closedSockets).toBe(1);
  }, 5_000);

  it("a stalled stream still ends with the caller's abort reason, and the connection is closed", async () => {
    const loopback = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: 1\n\n');
    });
    const controller = new AbortController();
    const call = await transport(loopback.url).postStream('/x', {}, { signal: controller.signal });
    const reader = call.body.getReader();
    await reader.read();
    const error = await whileCollecting(async () => {
      const pending = reader.read().catch((caught: unknown) => caught);
      setTimeout(() => controller.abort('caller gave up'), 100);
      return pending;
    });
    expect(call.mapError(error)).toBe('caller gave up');
    call.settle();
    await expect.poll(() => loopback.closedSockets).toBe(1);
  }, 5_000);
});

describe('secret hygiene', () => {
  const canary = 'sk-canary-7d1f0c9e4b2a';

  function assertClean(error: unknown): void {
    const views = [
      String(error),
      (error as Error).stack ?? '',
      JSON.stringify(error),
      inspect(error, { depth: 10, showHidden: true }),
      JSON.stringify((error as { toJSON?: () => unknown }).toJSON?.()),
    ];
    for (const view of views) expect(view).not.toContain(canary);
  }

  it('never leaks the key from any error path', async () => {
    const echo = await serve((request, response, index) => {
      const auth = String(request.headers.authorization);
      if (index === 0) sendJson(response, 401, { error: { message: `Incorrect API key provided: ${auth}` } });
      else if (index === 1)
        sendJson(response, 500, { error: { message: `boom ${auth}` } }, { 'x-echo': auth.slice(7) });
      else {
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.end(`not json ${auth}`);
      }
    });
    const client = transport(echo.url, { apiKey: canary, maxRetries: 0 });
    const unauthorized = await completionFailure(client.postJson('/x', {}));
    expect(unauthorized.message).toContain('[REDACTED]');
    assertClean(unauthorized);
    const serverError = await completionFailure(client.postJson('/x', {}));
    assertClean(serverError);
    const notJson = await completionFailure(client.postJson('/x', {}));
    assertClean(notJson);
    await echo.close();

    const leakyFetch: typeof fetch = async () => {
      throw new TypeError(`fetch failed for key ${canary}`, { cause: new Error(`socket closed ${canary}`) });
    };
    const network = await completionFailure(
      transport('http://127.0.0.1:9', { apiKey: canary, fetch: leakyFetch, maxRetries: 0 }).postJson('/x', {}),
    );
    expect(network.message).toBe(
      'network error calling TestAI at POST http://127.0.0.1:9/v1/x: fetch failed for key [REDACTED]: socket closed [REDACTED]',
    );
    assertClean(network);
    const hangingFetch = ((_input: string, init: RequestInit) =>
      new Promise((_resolve, reject) =>
        init.signal!.addEventListener('abort', () => reject(init.signal!.reason)),
      )) as unknown as typeof fetch;
    const timeout = await completionFailure(
      transport('http://127.0.0.1:9', { apiKey: canary, fetch: hangingFetch, maxRetries: 0 }).postJson(
        '/x',
        {},
        { timeoutMs: 20 },
      ),
    );
    expect(timeout.message).toBe('TestAI call POST http://127.0.0.1:9/v1/x timed out after 20 ms (timeoutMs)');
    assertClean(timeout);
  });
});

describe('a key echoed where an error cuts the body', () => {
  const key = 'sk-canary-0f1e2d3c4b5a69788796a5b4c3d2e1f0';
  const middle = key.slice(5, 29);

  // The key starts 30 characters before each cut: its first 30 characters fall inside, the rest outside.
  it.each([
    ['the 300 characters of an HTTP error message', 500, 'text/plain', 300, 'postJson'],
    ['the 64 KiB kept of an HTTP error body', 500, 'text/plain', 65_536, 'postJson'],
    ['the 200 characters of a not-JSON message', 200, 'application/json', 200, 'postJson'],
    ['the 64 KiB kept of a not-JSON body', 200, 'application/json', 65_536, 'postJson'],
    ['the 200 characters of an unexpected stream body', 200, 'text/plain', 200, 'postStream'],
    ['the 64 KiB kept of an unexpected stream body', 200, 'text/plain', 65_536, 'postStream'],
  ] as const)('%s', async (_name, status, contentType, cut, method) => {
    const loopback = await serve((_request, response) => {
      response.writeHead(status, { 'content-type': contentType });
      response.end(`${'a'.repeat(cut - 30)}${key}${'b'.repeat(70_000)}`);
    });
    const client = transport(loopback.url, { apiKey: key, maxRetries: 0 });
    const error = await completionFailure(
      method === 'postJson' ? client.postJson('/x', {}) : client.postStream('/x', {}),
    );
    for (const view of [error.message, JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })])
      expect(view).not.toContain(middle);
  });
});

describe('a key echoed inside a stream', () => {
  it('is redacted from errors raised while decoding, and from frames before they are quoted', async () => {
    const key = 'sk-canary-0f1e2d3c4b5a69788796a5b4c3d2e1f0';
    const loopback = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end('data: 1\n\n');
    });
    const call = await transport(loopback.url, { apiKey: key }).postStream('/x', {});
    expect(call.redact?.(`frame ${key} ${key}`)).toBe('frame [REDACTED] [REDACTED]');
    const cause = new Error(`socket said ${key}`);
    const raised = new CompletionError({
      kind: 'provider',
      message: `Incorrect API key provided: ${key}`,
      providerError: { message: `Incorrect API key provided: ${key}`, type: 'invalid_request_error' },
      cause,
    });
    const mapped = call.mapError(raised) as CompletionError;
    expect(mapped).toMatchObject({
      name: 'CompletionError.Provider',
      kind: 'provider',
      message: 'Incorrect API key provided: [REDACTED]',
      providerError: { message: 'Incorrect API key provided: [REDACTED]', type: 'invalid_request_error' },
      isRetryable: false,
      cause: { message: 'socket said [REDACTED]' },
    });
    for (const view of [JSON.stringify(mapped), inspect(mapped, { depth: 10, showHidden: true })])
      expect(view).not.toContain(key);
    const clean = new CompletionError({ kind: 'response', reason: 'truncated', message: 'stream ended early' });
    expect(call.mapError(clean)).toBe(clean);
    call.settle();
    // A one-letter key is a placeholder, not a secret: it is never redacted, so it cannot mangle a message.
    const short = await transport(loopback.url, { apiKey: 'k' }).postStream('/x', {});
    const unmangled = new CompletionError({
      kind: 'provider',
      message: 'rejected: k (check the key)',
      providerError: { message: 'rejected: k (check the key)' },
    });
    expect(short.mapError(unmangled)).toBe(unmangled);
    short.settle();
  });
});

describe('the injected fetch', () => {
  it('receives the URL, method, headers, the body as the serialized string, and the call signal', async () => {
    const calls: { input: unknown; init: RequestInit }[] = [];
    const recordingFetch = (async (input: unknown, init: RequestInit) => {
      calls.push({ input, init });
      return new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } });
    }) as unknown as typeof fetch;
    const result = await new HttpTransport({
      provider: 'TestAI',
      baseURL: 'http://api.test/v1',
      apiKey: 'k',
      fetch: recordingFetch,
    }).postJson('/x', { a: 1 });
    expect(result.body).toEqual({ ok: true });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.input).toBe('http://api.test/v1/x');
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.body).toBe('{"a":1}');
    expect(new Headers(calls[0]?.init.headers).get('authorization')).toBe('Bearer k');
    expect(calls[0]?.init.signal).toBeInstanceOf(AbortSignal);
  });
});

describe('HttpTransport.requestJson and requestStream: other methods and bodies', () => {
  it('sends a GET with no body and no content type, retries it like a POST, and parses the answer', async () => {
    const loopback = await serve((_request, response, index) => {
      if (index === 0) sendJson(response, 503, { error: { message: 'busy' } }, { 'retry-after-ms': '1' });
      else sendJson(response, 200, { id: 'batch_1', status: 'in_progress' }, { 'x-request-id': 'req_g' });
    });
    const result = await transport(loopback.url).requestJson('GET', '/batches/batch_1');
    expect(result.body).toEqual({ id: 'batch_1', status: 'in_progress' });
    expect(result.requestId).toBe('req_g');
    expect(
      loopback.requests.map((request) => [
        request.method,
        request.url,
        request.body,
        request.headers['content-type'],
        request.headers.authorization,
      ]),
    ).toEqual([
      ['GET', '/v1/batches/batch_1', '', undefined, 'Bearer sk-test'],
      ['GET', '/v1/batches/batch_1', '', undefined, 'Bearer sk-test'],
    ]);
  });

  it('sends a POST without a body when the body is undefined', async () => {
    const loopback = await serve((_request, response) => sendJson(response, 200, {}));
    await transport(loopback.url).requestJson('POST', '/batches/batch_1/cancel');
    expect(loopback.requests[0]).toMatchObject({ method: 'POST', url: '/v1/batches/batch_1/cancel', body: '' });
    expect(loopback.requests[0]?.headers['content-type']).toBeUndefined();
  });

  it('sends a FormData as multipart and a Blob as its bytes with its type', async () => {
    const loopback = await serve((_request, response) => sendJson(response, 200, { id: 'file-1' }));
    const form = new FormData();
    form.append('purpose', 'batch');
    form.append('file', new Blob(['{"a":1}\n'], { type: 'application/jsonl' }), 'batch.jsonl');
    await transport(loopback.url).requestJson('POST', '/files', form);
    await transport(loopback.url).requestJson('POST', '/upload', new Blob(['line\n'], { type: 'application/jsonl' }), {
      headers: { 'x-goog-upload-offset': '0' },
    });
    const [multipart, blob] = loopback.requests;
    expect(multipart?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const parsed = await new Request('http://x/', {
      method: 'POST',
      headers: { 'content-type': multipart!.headers['content-type']! },
      body: multipart!.body,
    }).formData();
    expect(parsed.get('purpose')).toBe('batch');
    const file = parsed.get('file') as File;
    expect([file.name, file.type, await file.text()]).toEqual(['batch.jsonl', 'application/jsonl', '{"a":1}\n']);
    expect(blob).toMatchObject({
      body: 'line\n',
      headers: { 'content-type': 'application/jsonl', 'x-goog-upload-offset': '0' },
    });
  });

  it("takes an absolute URL on the base URL's origin, and refuses another origin before sending the key anywhere", async () => {
    const loopback = await serve((_request, response) => sendJson(response, 200, { ok: true }));
    const client = transport(loopback.url);
    expect((await client.requestJson('GET', `${loopback.url}/upload/v1beta/files?upload_id=1`)).body).toEqual({
      ok: true,
    });
    expect(loopback.requests[0]?.url).toBe('/upload/v1beta/files?upload_id=1');
    for (const elsewhere of ['http://127.0.0.1:9/v1/x', 'https://evil.example/v1/x', 'http://[not a url']) {
      const error = await completionFailure(client.requestJson('GET', elsewhere));
      expect(error).toMatchObject({
        kind: 'request',
        path: 'url',
        message: `TestAI: GET ${elsewhere} is not on the origin of the base URL, the only one the API key is sent to`,
      });
    }
    expect(loopback.requests).toHaveLength(1);
  });

  it('names the method in HTTP errors', async () => {
    const loopback = await serve((_request, response) =>
      sendJson(response, 404, { error: { message: 'No batch found with id batch_x' } }),
    );
    const error = await completionFailure(transport(loopback.url).requestJson('GET', '/batches/batch_x'));
    expect(error).toMatchObject({
      kind: 'http',
      status: 404,
      request: `GET ${loopback.url}/v1/batches/batch_x`,
      isRetryable: false,
    });
    expect(error.message).toBe(
      `TestAI returned HTTP 404 Not Found for GET ${loopback.url}/v1/batches/batch_x: No batch found with id batch_x`,
    );
  });

  it('streams the answer of a GET', async () => {
    const loopback = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      response.end('{"a":1}\n{"a":2}\n');
    });
    const call = await transport(loopback.url).requestStream(
      'GET',
      '/files/file-1/content',
      undefined,
      { headers: { accept: 'application/binary' } },
      { contentTypes: ['application/octet-stream'] },
    );
    expect(await new Response(call.body).text()).toBe('{"a":1}\n{"a":2}\n');
    call.settle();
    expect(loopback.requests[0]).toMatchObject({
      method: 'GET',
      url: '/v1/files/file-1/content',
      headers: { accept: 'application/binary' },
    });
  });
});
