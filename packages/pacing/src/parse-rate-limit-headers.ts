import { retryAfterMs } from '@rig-ts/http';

/** One limit as a response's headers describe it. */
export interface RateLimitReading {
  /** The most the window allows. */
  limit: number | undefined;
  /** What is left of it now. */
  remaining: number;
  /** In how many ms it is full again, when the headers say. */
  resetMs: number | undefined;
  /** True when the reset is a duration the server measured (OpenAI's), false for a time of day read on this clock (Anthropic's). */
  resetMeasured?: boolean;
}

/** What a response says about the account's rate limits. */
export interface RateLimitHeaders {
  requests: RateLimitReading | undefined;
  tokens: RateLimitReading | undefined;
  /** How long the server asked to wait (`retry-after-ms`, `retry-after`), in ms. */
  retryAfterMs: number | undefined;
}

const DURATION_PART = /(\d+(?:\.\d+)?)(ms|h|m|s)/g;
const UNIT_MS: { [unit: string]: number } = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * A reset time in ms from now: OpenAI's durations (`1s`, `6m0s`, `20ms`, `1h2m3.5s`), a number of seconds, or an
 * RFC 3339 / HTTP date (Anthropic's). `undefined` for anything else.
 */
export function parseResetMs(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  if (/^(\d+(\.\d+)?(ms|h|m|s))+$/.test(text)) {
    let total = 0;
    for (const match of text.matchAll(DURATION_PART)) total += Number(match[1]) * UNIT_MS[match[2]!]!;
    return total;
  }
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function count(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined;
  return Number(value);
}

function reading(
  headers: Headers,
  names: { limit: string; remaining: string; reset: string },
  now: number,
): RateLimitReading | undefined {
  const remaining = count(headers.get(names.remaining));
  if (remaining === undefined) return undefined;
  const reset = headers.get(names.reset);
  const resetMs = parseResetMs(reset, now);
  const result: RateLimitReading = { limit: count(headers.get(names.limit)), remaining, resetMs };
  if (resetMs !== undefined) result.resetMeasured = /^[\d.hms]+$/.test(reset!.trim());
  return result;
}

/**
 * Reads a response's rate-limit headers: OpenAI's and the many servers that copy them (`x-ratelimit-limit-requests`,
 * `x-ratelimit-remaining-requests`, `x-ratelimit-reset-requests`, and the same for `-tokens`), Anthropic's
 * (`anthropic-ratelimit-requests-limit` / `-remaining` / `-reset`, and `-tokens-` — the most restrictive token limit —
 * else `-input-tokens-`), and `retry-after-ms` / `retry-after`. A reset given as a time of day is read against
 * `sentAt`, when the request went out: the server wrote it later, so the reset is never read as shorter than it is.
 */
export function parseRateLimitHeaders(headers: Headers, now = Date.now(), sentAt = now): RateLimitHeaders {
  const openAI = (kind: string) => ({
    limit: `x-ratelimit-limit-${kind}`,
    remaining: `x-ratelimit-remaining-${kind}`,
    reset: `x-ratelimit-reset-${kind}`,
  });
  const anthropic = (kind: string) => ({
    limit: `anthropic-ratelimit-${kind}-limit`,
    remaining: `anthropic-ratelimit-${kind}-remaining`,
    reset: `anthropic-ratelimit-${kind}-reset`,
  });
  return {
    requests: reading(headers, openAI('requests'), sentAt) ?? reading(headers, anthropic('requests'), sentAt),
    tokens:
      reading(headers, openAI('tokens'), sentAt) ??
      reading(headers, anthropic('tokens'), sentAt) ??
      reading(headers, anthropic('input-tokens'), sentAt),
    retryAfterMs: retryAfterMs(headers, now),
  };
}
