import { CompletionError } from '@rig-ts/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mapConcurrent } from './map-concurrent.js';
import { pacedFetch } from './paced-fetch.js';

/** An in-memory server with a request bucket of `limit` refilled `limit` per second, answering in OpenAI's or Anthropic's headers. */
function limitedServer(
  limit: number,
  style: 'openai' | 'anthropic' | 'none' = 'openai',
  tokenLimit?: number,
  latencyMs = 0,
) {
  let level = limit;
  let tokens = tokenLimit ?? 0;
  let updatedAt = Date.now();
  const log = { ok: [] as number[], limited: [] as number[], inFlightAtSend: [] as number[] };
  let inFlight = 0;
  const fetch = async (_input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    log.inFlightAtSend.push(inFlight);
    inFlight++;
    await (latencyMs > 0 ? new Promise((resolve) => setTimeout(resolve, latencyMs)) : Promise.resolve());
    inFlight--;
    const now = Date.now();
    level = Math.min(limit, level + ((now - updatedAt) * limit) / 1000);
    if (tokenLimit !== undefined) tokens = Math.min(tokenLimit, tokens + ((now - updatedAt) * tokenLimit) / 1000);
    updatedAt = now;
    const cost = typeof init?.body === 'string' ? Math.ceil(init.body.length / 4) : 0;
    const allowed = level >= 1 && (tokenLimit === undefined || tokens >= cost);
    if (allowed) {
      level -= 1;
      tokens -= cost;
    }
    const fullMs = Math.ceil(((limit - level) * 1000) / limit);
    const headers: { [name: string]: string } = {};
    if (style === 'openai') {
      Object.assign(headers, {
        'x-ratelimit-limit-requests': String(limit),
        'x-ratelimit-remaining-requests': String(Math.floor(level)),
        'x-ratelimit-reset-requests': `${fullMs}ms`,
      });
      if (tokenLimit !== undefined)
        Object.assign(headers, {
          'x-ratelimit-limit-tokens': String(tokenLimit),
          'x-ratelimit-remaining-tokens': String(Math.floor(tokens)),
          'x-ratelimit-reset-tokens': `${Math.ceil(((tokenLimit - tokens) * 1000) / tokenLimit)}ms`,
        });
    } else if (style === 'anthropic') {
      Object.assign(headers, {
        'anthropic-ratelimit-requests-limit': String(limit),
        'anthropic-ratelimit-requests-remaining': String(Math.floor(level)),
        'anthropic-ratelimit-requests-reset': new Date(now + fullMs).toISOString(),
      });
    }
    (allowed ? log.ok : log.limited).push(now);
    return new Response(allowed ? '{}' : '{"error":{"message":"rate limited"}}', {
      status: allowed ? 200 : 429,
      headers: allowed ? headers : { ...headers, 'retry-after-ms': '1000' },
    });
  };
  return { fetch, log };
}

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 0, 1) });
});
afterEach(() => {
  vi.useRealTimers();
});

async function runAll<T>(promise: Promise<T>): Promise<T> {
  let settled = false;
  void promise.finally(() => (settled = true)).catch(() => undefined);
  while (!settled) await vi.advanceTimersByTimeAsync(50);
  return promise;
}

/** Sends `count` requests through `fetch`, at most `concurrency` at a time, running the clock until all are answered. */
function sendMany(fetch: typeof globalThis.fetch, count: number, concurrency: number, init?: RequestInit) {
  return runAll(
    mapConcurrent(
      Array.from({ length: count }, (_, index) => index),
      () => fetch('http://api.test/x', init),
      { concurrency },
    ),
  );
}

describe('pacedFetch', () => {
  it.each(['openai', 'anthropic'] as const)(
    'keeps to a limit reported in %s headers: no 429, and the rate is the limit',
    async (style) => {
      const server = limitedServer(60, style);
      const paced = pacedFetch({ fetch: server.fetch });
      const start = Date.now();
      await sendMany(paced, 600, 50, { method: 'POST', body: '{}' });
      expect(server.log.limited).toEqual([]);
      expect(server.log.ok).toHaveLength(600);
      // The bucket starts full (60), then refills 60 a second: 540 more take 9 s at the limit.
      const steadySeconds = (server.log.ok.at(-1)! - start) / 1000;
      const rate = 540 / steadySeconds;
      expect(rate).toBeGreaterThan(60 * 0.9);
      expect(rate).toBeLessThanOrEqual(60 * 1.01);
      expect(paced.state()).toMatchObject({
        waiting: 0,
        inFlight: 0,
        sent: 600,
        rateLimited: 0,
        requests: { limit: 60 },
      });
      expect(paced.state().requests.refillPerSecond).toBeGreaterThan(59);
      expect(paced.state().requests.refillPerSecond).toBeLessThan(62);
    },
  );

  it('sends one request until the first answer brings the limits, then as many as they allow', async () => {
    const server = limitedServer(10, 'openai', undefined, 100);
    const paced = pacedFetch({ fetch: server.fetch });
    await sendMany(paced, 30, 30);
    // The second goes out once the first is back; with it, the nine left in the bucket at once; then one per refill.
    expect(server.log.inFlightAtSend.slice(0, 11)).toEqual([0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 8]);
    expect(server.log.limited).toEqual([]);
    const wider = limitedServer(10, 'openai', undefined, 100);
    const three = pacedFetch({ fetch: wider.fetch, firstRequests: 3 });
    await sendMany(three, 6, 6);
    // Three go out at once; the fourth only once an answer is back (one less in flight).
    expect(wider.log.inFlightAtSend.slice(0, 4)).toEqual([0, 1, 2, 2]);
  });

  it('pauses every request for the retry-after of a 429, and learns the limit from it', async () => {
    let calls = 0;
    const times: number[] = [];
    const fetch = async () => {
      times.push(Date.now());
      if (++calls === 2) return new Response('{}', { status: 429, headers: { 'retry-after': '2' } });
      return new Response('{}', { status: 200 });
    };
    const paced = pacedFetch({ fetch });
    const start = Date.now();
    const statuses = await runAll(
      mapConcurrent([1, 2, 3, 4], async () => (await paced('http://api.test/x')).status, { concurrency: 1 }),
    );
    expect(statuses).toEqual([200, 429, 200, 200]);
    expect(times.map((time) => time - start)).toEqual([0, 0, 2000, 2000]);
    expect(paced.state()).toMatchObject({ rateLimited: 1, pausedUntil: start + 2000 });
  });

  it('keeps to a token limit too, with bodies costing a token per 4 characters', async () => {
    const server = limitedServer(1000, 'openai', 400);
    const paced = pacedFetch({ fetch: server.fetch });
    const body = JSON.stringify({ input: 'x'.repeat(380) });
    const start = Date.now();
    await sendMany(paced, 40, 10, { method: 'POST', body });
    expect(server.log.limited).toEqual([]);
    // 98 tokens a request, 400 a second (the first 4 at once): 36 more take 8.8 s.
    expect((server.log.ok.at(-1)! - start) / 1000).toBeGreaterThanOrEqual(8.8);
    expect((server.log.ok.at(-1)! - start) / 1000).toBeLessThan(8.8 / 0.9);
  });

  it('without headers sends at once, or keeps to requestsPerMinute', async () => {
    const unlimited = limitedServer(1000, 'none');
    const free = pacedFetch({ fetch: unlimited.fetch });
    await sendMany(free, 20, 20);
    expect(new Set(unlimited.log.ok).size).toBe(1);
    const fixed = limitedServer(1000, 'none');
    const paced = pacedFetch({ fetch: fixed.fetch, requestsPerMinute: 600 });
    const start = Date.now();
    await sendMany(paced, 50, 20);
    // 10 at once (a second's worth), then 10 a second.
    expect((fixed.log.ok.at(-1)! - start) / 1000).toBeCloseTo(4, 1);
  });

  it('lets a signal take a request out of the queue, and refuses bad options', async () => {
    const server = limitedServer(1);
    const paced = pacedFetch({ fetch: server.fetch });
    await runAll(paced('http://api.test/x'));
    const controller = new AbortController();
    const waiting = paced('http://api.test/x', { signal: controller.signal }).catch((caught: unknown) => caught);
    await vi.advanceTimersByTimeAsync(10);
    expect(paced.state().waiting).toBe(1);
    controller.abort('no longer needed');
    expect(await waiting).toBe('no longer needed');
    expect(paced.state().waiting).toBe(0);
    await expect(paced('http://api.test/x', { signal: AbortSignal.abort('gone') })).rejects.toBe('gone');
    for (const options of [
      { requestsPerMinute: 0 },
      { tokensPerMinute: -5 },
      { requestsPerMinute: Number.NaN },
      { firstRequests: 0 },
    ]) {
      let error: unknown;
      try {
        pacedFetch(options);
      } catch (caught) {
        error = caught;
      }
      expect(CompletionError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ kind: 'request' });
    }
  });
});
