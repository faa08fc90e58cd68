import { afterEach, describe, expect, it, vi } from 'vitest';
import { pacedFetch } from './paced-fetch.js';

afterEach(() => vi.restoreAllMocks());

describe('pacedFetch: a wait longer than a timer takes', () => {
  it('sleeps a Retry-After of three years in long steps, not in a 1 ms busy loop', async () => {
    let sends = 0;
    const paced = pacedFetch({
      fetch: async () => {
        sends++;
        // 100,000,000 s: over 2^31 − 1 ms, where a timer would fire after 1 ms.
        return new Response('{}', { status: sends === 1 ? 429 : 200, headers: { 'retry-after': '100000000' } });
      },
    });
    expect((await paced('http://api.test/x')).status).toBe(429);
    const timers = vi.spyOn(globalThis, 'setTimeout');
    const controller = new AbortController();
    const waiting = paced('http://api.test/x', { signal: controller.signal }).catch((caught: unknown) => caught);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const armed = timers.mock.calls.filter(([, delay]) => delay !== 200);
    expect(armed.length).toBeLessThanOrEqual(1);
    expect(armed.every(([, delay]) => delay === 2 ** 31 - 1)).toBe(true);
    expect(paced.state().waiting).toBe(1);
    controller.abort('no longer needed');
    expect(await waiting).toBe('no longer needed');
    expect(sends).toBe(1);
  });
});
