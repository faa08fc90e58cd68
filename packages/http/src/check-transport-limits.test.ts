import { CompletionError } from '@rig-ts/core';
import { describe, expect, it } from 'vitest';
import { HttpTransport } from './http-transport.js';

/** A transport whose every answer is a 503 asking for a retry after 10 ms; `calls` counts the requests. */
function failingTransport(settings: { maxRetries?: number; timeoutMs?: number } = {}) {
  const counter = { calls: 0 };
  const transport = new HttpTransport({
    provider: 'Acme',
    baseURL: 'http://acme.test/v1',
    apiKey: 'key',
    timeoutMs: 2000,
    ...settings,
    fetch: async () => {
      counter.calls++;
      return new Response('{}', { status: 503, headers: { 'retry-after-ms': '10' } });
    },
  });
  return { transport, counter };
}

const BAD_RETRIES = [Number.NaN, -1, 1.5, Number.NEGATIVE_INFINITY, '3' as unknown as number];
const BAD_DURATIONS = [
  Number.NaN,
  -1,
  Number.NEGATIVE_INFINITY,
  '1000' as unknown as number,
  null as unknown as number,
];

describe('limits that are not numbers of what they count', () => {
  it.each(BAD_RETRIES)('refuses maxRetries %s when the client is made', (maxRetries) => {
    expect(() => failingTransport({ maxRetries })).toThrow(
      new CompletionError({
        kind: 'request',
        message: `Acme client: maxRetries must be a whole number of at least 0, or Infinity (got ${String(maxRetries)})`,
        path: 'maxRetries',
      }),
    );
  });

  it.each(BAD_RETRIES)('refuses maxRetries %s for one call, before sending anything', async (maxRetries) => {
    const { transport, counter } = failingTransport();
    const error = await transport.postJson('/c', {}, { maxRetries }).catch((caught: unknown) => caught);
    expect(error).toEqual(
      new CompletionError({
        kind: 'request',
        message: `Acme: POST http://acme.test/v1/c: maxRetries must be a whole number of at least 0, or Infinity (got ${String(maxRetries)})`,
        path: 'maxRetries',
      }),
    );
    expect(counter.calls).toBe(0);
  });

  it.each(['timeoutMs', 'idleTimeoutMs', 'maxRetryDelayMs'] as const)(
    'refuses a %s that is NaN, negative or not a number, for the client and for a call',
    async (name) => {
      for (const value of BAD_DURATIONS) {
        const message = `${name} must be a number of milliseconds of at least 0, or Infinity (got ${String(value)})`;
        expect(() => new HttpTransport({ provider: 'Acme', baseURL: 'http://acme.test', [name]: value })).toThrow(
          new CompletionError({ kind: 'request', message: `Acme client: ${message}`, path: name }),
        );
        if (name === 'maxRetryDelayMs') continue; // a client setting only
        const { transport, counter } = failingTransport();
        const error = await transport.postJson('/c', {}, { [name]: value }).catch((caught: unknown) => caught);
        expect(error).toEqual(
          new CompletionError({ kind: 'request', message: `Acme: POST http://acme.test/v1/c: ${message}`, path: name }),
        );
        expect(counter.calls).toBe(0);
      }
    },
  );

  it('still takes 0, whole numbers and Infinity (as many retries as the time limit allows)', async () => {
    const none = failingTransport({ maxRetries: 0 });
    await none.transport.postJson('/c', {}).catch(() => undefined);
    expect(none.counter.calls).toBe(1);
    const three = failingTransport({ maxRetries: 3 });
    await three.transport.postJson('/c', {}).catch(() => undefined);
    expect(three.counter.calls).toBe(4);
    const unbounded = failingTransport({ maxRetries: Infinity, timeoutMs: 300 });
    const error = await unbounded.transport.postJson('/c', {}).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'http' });
    expect(unbounded.counter.calls).toBeGreaterThan(4);
    expect(
      () =>
        new HttpTransport({
          provider: 'Acme',
          baseURL: 'http://acme.test',
          timeoutMs: 0,
          idleTimeoutMs: Infinity,
          maxRetryDelayMs: 0,
        }),
    ).not.toThrow();
  });
});
