import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HttpTransport } from './http-transport.js';
import { askedWait, planRetry, RETRY_STATUS_CODES } from './retry-plan.js';
import { jsonResponse, scriptedFetch } from './test-utils/scripted-fetch.js';
import { completionFailure } from './test-utils/completion-failure.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const NO_LIMIT = { maxRetryDelayMs: 60_000, timeLeftMs: Infinity };

describe('askedWait', () => {
  it.each([
    [
      { 'retry-after-ms': '120', 'retry-after': '30' },
      { waitMs: 120, header: 'retry-after-ms' },
    ],
    [
      { 'retry-after-ms': 'soon', 'retry-after': '2' },
      { waitMs: 2000, header: 'retry-after' },
    ],
    [
      { 'retry-after-ms': '-5', 'retry-after': '1.5' },
      { waitMs: 1500, header: 'retry-after' },
    ],
    [
      { 'retry-after-ms': '', 'retry-after': '3' },
      { waitMs: 3000, header: 'retry-after' },
    ],
    [{ 'retry-after': 'Thu, 01 Jan 2026 00:00:04 GMT' }, { waitMs: 4000, header: 'retry-after' }],
    [{ 'retry-after': 'Wed, 31 Dec 2025 23:59:00 GMT' }, { waitMs: 0, header: 'retry-after' }],
    [{ 'retry-after': '1e9' }, { waitMs: 1e12, header: 'retry-after' }],
    [{ 'retry-after': '-1' }, undefined],
    [{ 'retry-after': 'NaN' }, undefined],
    [{ 'retry-after': ' ' }, undefined],
    [{ 'x-ratelimit-reset': '6m0s' }, undefined],
    [{}, undefined],
  ])('%j → %j', (headers, expected) => {
    expect(askedWait(new Headers(headers), NOW)).toEqual(expected);
  });
});

describe('planRetry', () => {
  it('retries 408, 409, 429 and every 5xx, and nothing else unless x-should-retry says so', () => {
    expect(
      [400, 401, 403, 404, 413, 422, 300, 304].map((status) => planRetry(status, new Headers(), NO_LIMIT).kind),
    ).toEqual(Array(8).fill('fail'));
    expect(
      [408, 409, 429, 500, 502, 503, 529, 599].map((status) => planRetry(status, new Headers(), NO_LIMIT).kind),
    ).toEqual(Array(8).fill('backoff'));
    expect(planRetry(400, new Headers({ 'x-should-retry': 'true' }), NO_LIMIT)).toEqual({ kind: 'backoff' });
    expect(planRetry(503, new Headers({ 'x-should-retry': 'false' }), NO_LIMIT)).toEqual({ kind: 'fail' });
    expect(RETRY_STATUS_CODES).toEqual([408, 409, 429, ...Array.from({ length: 100 }, (_value, index) => 500 + index)]);
  });

  it('waits what the server asked unless it is beyond maxRetryDelayMs or the time left', () => {
    const headers = new Headers({ 'retry-after': '30' });
    expect(planRetry(429, headers, NO_LIMIT)).toEqual({ kind: 'wait', waitMs: 30_000, header: 'retry-after' });
    expect(planRetry(429, headers, { maxRetryDelayMs: 29_999, timeLeftMs: Infinity })).toEqual({ kind: 'fail' });
    expect(planRetry(429, headers, { maxRetryDelayMs: Infinity, timeLeftMs: 29_999 })).toEqual({ kind: 'fail' });
    expect(planRetry(429, headers, { maxRetryDelayMs: 30_000, timeLeftMs: 30_000 })).toEqual({
      kind: 'wait',
      waitMs: 30_000,
      header: 'retry-after',
    });
    expect(
      planRetry(429, new Headers({ 'retry-after': '1e9' }), { maxRetryDelayMs: Infinity, timeLeftMs: 600_000 }),
    ).toEqual({ kind: 'fail' });
  });
});

function transport(
  fetch: typeof globalThis.fetch,
  overrides: Partial<ConstructorParameters<typeof HttpTransport>[0]> = {},
): HttpTransport {
  return new HttpTransport({
    provider: 'TestAI',
    baseURL: 'http://api.test/v1',
    apiKey: 'sk-test',
    fetch,
    ...overrides,
  });
}

/** A 503 whose JSON body breaks off half-way, as a connection dropped mid-body does. */
function brokenBody503(): Response {
  const half = new TextEncoder().encode('{"error":{"message":"The server is overl');
  let pulls = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulls++ === 0) controller.enqueue(half);
      else controller.error(new TypeError('terminated', { cause: new Error('other side closed') }));
    },
  });
  return new Response(body, {
    status: 503,
    statusText: 'Service Unavailable',
    headers: { 'content-type': 'application/json', 'x-request-id': 'req_503' },
  });
}

describe('retry edge cases', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('a 503 whose error body breaks off mid-read is still a retryable 503, its status kept', async () => {
    const fetch = scriptedFetch(() => brokenBody503());
    const pending = completionFailure(transport(fetch).postJson('/x', {}));
    await vi.advanceTimersByTimeAsync(750);
    const error = await pending;
    expect(fetch.requests.map((request) => request.at - NOW)).toEqual([0, 250, 750]);
    expect(error).toMatchObject({
      name: 'CompletionError.Http',
      kind: 'http',
      status: 503,
      isRetryable: true,
      attempts: 3,
      requestId: 'req_503',
      body: '{"error":{"message":"The server is overl',
      headers: { 'x-request-id': 'req_503' },
    });
    expect(error.message).toBe(
      'TestAI returned HTTP 503 Service Unavailable for POST http://api.test/v1/x: {"error":{"message":"The server is overl (the error body broke off: terminated: other side closed)',
    );
    const recovered = scriptedFetch((_request, index) =>
      index === 0 ? brokenBody503() : jsonResponse(200, { ok: true }),
    );
    const answer = transport(recovered).postJson('/x', {});
    await vi.advanceTimersByTimeAsync(250);
    expect((await answer).body).toEqual({ ok: true });
  });

  it.each([
    ['maxRetryDelayMs (60 s by default)', {}, '120'],
    ['the time left of timeoutMs', { timeoutMs: 10_000 }, '30'],
  ])(
    'a 429 asking for more than %s fails at once with its status, headers and provider message',
    async (_limit, options, retryAfter) => {
      const fetch = scriptedFetch(() =>
        jsonResponse(
          429,
          { error: { message: 'Rate limit reached', type: 'requests' } },
          { 'retry-after': retryAfter, 'x-request-id': 'req_429' },
          'Too Many Requests',
        ),
      );
      const error = await completionFailure(transport(fetch, options).postJson('/x', {}));
      expect(Date.now()).toBe(NOW);
      expect(fetch.requests).toHaveLength(1);
      expect(error).toMatchObject({
        kind: 'http',
        status: 429,
        attempts: 1,
        isRetryable: true,
        requestId: 'req_429',
        headers: { 'retry-after': retryAfter, 'x-request-id': 'req_429' },
        providerError: { message: 'Rate limit reached', type: 'requests' },
        message: 'TestAI returned HTTP 429 Too Many Requests for POST http://api.test/v1/x: Rate limit reached',
      });
    },
  );

  it('maxRetryDelayMs: Infinity and a huge Retry-After fail at once within timeoutMs', async () => {
    for (const headers of [{ 'retry-after': '99999999999' }, { 'retry-after-ms': String(2 ** 40) }] as {
      [name: string]: string;
    }[]) {
      const fetch = scriptedFetch(() => jsonResponse(429, {}, headers));
      const error = await completionFailure(transport(fetch, { maxRetryDelayMs: Infinity }).postJson('/x', {}));
      expect(Date.now()).toBe(NOW);
      expect(fetch.requests).toHaveLength(1);
      expect(error).toMatchObject({ status: 429, attempts: 1, headers });
    }
  });
});

describe('a wait longer than a timer can hold', () => {
  const hugeWaits = [{ 'retry-after': '99999999999' }, { 'retry-after-ms': String(2 ** 40) }] as {
    [name: string]: string;
  }[];

  /** A call answered 429 asking for `headers`' wait, with no time limit: only its abort ends it. */
  function waitWithoutLimit(headers: { [name: string]: string }) {
    const fetch = scriptedFetch(() => jsonResponse(429, {}, headers));
    const controller = new AbortController();
    const pending = transport(fetch, { maxRetryDelayMs: Infinity, timeoutMs: Infinity })
      .postJson('/x', {}, { signal: controller.signal })
      .catch((caught: unknown) => caught);
    return { fetch, controller, pending };
  }

  it('never overflows into an immediate retry: with no time limit it waits, until the caller aborts', async () => {
    // Fake timers fire a delay beyond 2^31 − 1 ms after 1 ms, as Node's do: a retry would be made in the first hour.
    vi.useFakeTimers({ now: NOW });
    try {
      for (const headers of hugeWaits) {
        const { fetch, controller, pending } = waitWithoutLimit(headers);
        await vi.advanceTimersByTimeAsync(60 * 60_000);
        expect(fetch.requests).toHaveLength(1);
        controller.abort('enough');
        expect(await pending).toBe('enough');
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it('schedules no timer Node would warn about (TimeoutOverflowWarning), with real timers', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      for (const headers of hugeWaits) {
        const { fetch, controller, pending } = waitWithoutLimit(headers);
        // The wait is scheduled once the answer is read; Node warns on the next tick after scheduling an overflow.
        await vi.waitFor(() => expect(fetch.requests).toHaveLength(1));
        for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
        controller.abort('enough');
        expect(await pending).toBe('enough');
      }
      expect(warnings.map((warning) => warning.name)).not.toContain('TimeoutOverflowWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });
});
