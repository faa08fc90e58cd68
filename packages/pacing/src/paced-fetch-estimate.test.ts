import { CompletionError } from '@rig-ts/core';
import { describe, expect, it } from 'vitest';
import { pacedFetch } from './paced-fetch.js';

/** A fetch that answers every request at once, counting them. */
function countingFetch() {
  const sent: string[] = [];
  const fetch = async (input: string | URL | Request): Promise<Response> => {
    sent.push(String(input));
    return new Response('{}', { headers: { 'content-type': 'application/json' } });
  };
  return { fetch, sent };
}

describe('pacedFetch with an estimateTokens that returns no usable count', () => {
  it.each([Number.NaN, -5, Number.POSITIVE_INFINITY, '12' as unknown as number, undefined as unknown as number])(
    'fails the request with a request error naming the option (%s), sending nothing',
    async (estimate) => {
      const { fetch, sent } = countingFetch();
      const paced = pacedFetch({ fetch, tokensPerMinute: 1000, estimateTokens: () => estimate });
      const error = await paced('http://127.0.0.1:9/v1', { method: 'POST', body: '{}' }).catch(
        (caught: unknown) => caught,
      );
      expect(CompletionError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({
        kind: 'request',
        path: 'estimateTokens',
        message: `estimateTokens must return a number of tokens of at least 0 (got ${String(estimate)})`,
      });
      expect(sent).toEqual([]);
    },
  );

  it('a bad estimate leaves the budget as it was: the next requests are still paced', async () => {
    const { fetch, sent } = countingFetch();
    let next: number = Number.NaN;
    const paced = pacedFetch({ fetch, tokensPerMinute: 60_000, estimateTokens: () => next });
    await expect(paced('http://127.0.0.1:9/a', { method: 'POST' })).rejects.toMatchObject({ kind: 'request' });
    next = 0;
    await paced('http://127.0.0.1:9/b', { method: 'POST' });
    // 60,000 tokens a minute refill 1,000 a second, from a start of about a second's worth: once that is spent, a
    // request of 300 tokens waits about 0.3 s.
    next = 1_000;
    await paced('http://127.0.0.1:9/c', { method: 'POST' });
    next = 300;
    const held = paced('http://127.0.0.1:9/d', { method: 'POST' });
    const state = await Promise.race([
      held.then(() => 'sent'),
      new Promise((resolve) => setTimeout(resolve, 100, 'held')),
    ]);
    expect(state).toBe('held');
    expect(sent).toEqual(['http://127.0.0.1:9/b', 'http://127.0.0.1:9/c']);
    await held;
    expect(sent).toHaveLength(3);
  });
});
