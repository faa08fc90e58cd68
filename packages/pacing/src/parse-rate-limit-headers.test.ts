import { describe, expect, it } from 'vitest';
import { parseRateLimitHeaders, parseResetMs } from './parse-rate-limit-headers.js';

const now = Date.UTC(2026, 0, 1, 12, 0, 0);

describe('parseResetMs', () => {
  it.each([
    ['1s', 1000],
    ['6m0s', 360_000],
    ['20ms', 20],
    ['1h2m3.5s', 3_723_500],
    ['0.5s', 500],
    ['12', 12_000],
    ['2026-01-01T12:00:30Z', 30_000],
    ['2026-01-01T11:59:00Z', 0],
    ['Thu, 01 Jan 2026 12:00:05 GMT', 5000],
    ['', undefined],
    ['soon', undefined],
    ['-1s', undefined],
  ])('%j → %j', (value, expected) => {
    expect(parseResetMs(value, now)).toBe(expected);
  });
});

describe('parseRateLimitHeaders', () => {
  it("reads OpenAI's headers", () => {
    const headers = new Headers({
      'x-ratelimit-limit-requests': '60',
      'x-ratelimit-remaining-requests': '59',
      'x-ratelimit-reset-requests': '1s',
      'x-ratelimit-limit-tokens': '150000',
      'x-ratelimit-remaining-tokens': '149984',
      'x-ratelimit-reset-tokens': '6ms',
    });
    expect(parseRateLimitHeaders(headers, now)).toEqual({
      requests: { limit: 60, remaining: 59, resetMs: 1000, resetMeasured: true },
      tokens: { limit: 150_000, remaining: 149_984, resetMs: 6, resetMeasured: true },
      retryAfterMs: undefined,
    });
  });

  it("reads Anthropic's headers, the most restrictive token limit first, else the input tokens", () => {
    const headers = new Headers({
      'anthropic-ratelimit-requests-limit': '50',
      'anthropic-ratelimit-requests-remaining': '49',
      'anthropic-ratelimit-requests-reset': '2026-01-01T12:00:01Z',
      'anthropic-ratelimit-input-tokens-limit': '40000',
      'anthropic-ratelimit-input-tokens-remaining': '39000',
      'anthropic-ratelimit-input-tokens-reset': '2026-01-01T12:00:02Z',
      'retry-after': '3',
    });
    expect(parseRateLimitHeaders(headers, now)).toEqual({
      requests: { limit: 50, remaining: 49, resetMs: 1000, resetMeasured: false },
      tokens: { limit: 40_000, remaining: 39_000, resetMs: 2000, resetMeasured: false },
      retryAfterMs: 3000,
    });
    // A time of day is read against when the request was sent (the answer was written after): never a shorter reset.
    expect(parseRateLimitHeaders(headers, now + 300, now).requests).toEqual({
      limit: 50,
      remaining: 49,
      resetMs: 1000,
      resetMeasured: false,
    });
    expect(
      parseRateLimitHeaders(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 12:00:05 GMT' }), now + 1000, now)
        .retryAfterMs,
    ).toBe(4000);
    headers.set('anthropic-ratelimit-tokens-limit', '8000');
    headers.set('anthropic-ratelimit-tokens-remaining', '100');
    expect(parseRateLimitHeaders(headers, now).tokens).toEqual({ limit: 8000, remaining: 100, resetMs: undefined });
  });

  it('ignores what is missing or not a count', () => {
    expect(parseRateLimitHeaders(new Headers(), now)).toEqual({
      requests: undefined,
      tokens: undefined,
      retryAfterMs: undefined,
    });
    expect(
      parseRateLimitHeaders(
        new Headers({
          'x-ratelimit-remaining-requests': 'lots',
          'x-ratelimit-remaining-tokens': '-5',
          'retry-after-ms': '250',
        }),
        now,
      ),
    ).toEqual({ requests: undefined, tokens: undefined, retryAfterMs: 250 });
    expect(parseRateLimitHeaders(new Headers({ 'x-ratelimit-remaining-requests': '3' }), now).requests).toEqual({
      limit: undefined,
      remaining: 3,
      resetMs: undefined,
    });
  });
});
