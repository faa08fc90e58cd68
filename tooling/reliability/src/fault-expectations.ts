import type { Expectation, ExpectedError, FaultCase } from './fault-matrix.js';
import type { CallMode } from './providers.js';

/** The same expectation for a completion and a stream. */
export const BOTH = (expectation: Expectation): Partial<Record<CallMode, Expectation>> => ({
  completion: expectation,
  stream: expectation,
});

/** The whole answer after `attempts` requests, in both modes (a stream delivers every item). */
export const BOTH_ANSWER = (
  attempts: number,
  timeMs: Expectation['timeMs'],
): Partial<Record<CallMode, Expectation>> => ({
  completion: { outcome: 'answer', usage: true, attempts, partial: 'none', timeMs },
  stream: { outcome: 'answer', usage: true, attempts, partial: 'all', timeMs },
});

/** A call that ends with `outcome` after `attempts` requests and reports no usage; a stream delivered `partial` first. */
export const FAILED = (
  outcome: ExpectedError,
  attempts: Expectation['attempts'],
  timeMs: Expectation['timeMs'],
  partial: Expectation['partial'] = 'none',
): Expectation => ({ attempts, outcome, partial, usage: false, timeMs });

/** The `http` error of an answer of HTTP `status` (`statusText` as the server gave it, maybe empty) saying `detail`. */
export function httpError(
  status: number,
  statusText: string,
  detail: string,
  attempts: number,
  extra: Partial<ExpectedError> = {},
): ExpectedError {
  return {
    name: 'CompletionError.Http',
    kind: 'http',
    status,
    isRetryable: status === 429 || status >= 500,
    attempts,
    message: {
      exact: `{provider} returned HTTP ${status}${statusText ? ` ${statusText}` : ''} for POST {url}: ${detail}`,
    },
    ...extra,
  };
}

/**
 * The simulator's headers for an HTTP 429 asking to wait `retryAfter` (`x-sim-retry-after`: seconds, `<n>ms` for
 * `retry-after-ms`, or `date:<seconds ahead>`), `count` times (every time when absent).
 */
export function simulated429(retryAfter: string, count?: number): { simulator: { [header: string]: string } } {
  const headers = { 'x-sim-fault': '429', 'x-sim-retry-after': retryAfter };
  return { simulator: count === undefined ? headers : { ...headers, 'x-sim-fault-count': String(count) } };
}

/** The error of the simulator's 429 for `retryAfter` (as {@link simulated429} takes it), keeping its wait header. */
export function rateLimitError(retryAfter: string, attempts: number): ExpectedError {
  const headers = retryAfter.endsWith('ms')
    ? { 'retry-after-ms': retryAfter.slice(0, -'ms'.length) }
    : { 'retry-after': retryAfter };
  return httpError(429, 'Too Many Requests', 'Rate limit exceeded (simulated fault 429)', attempts, { headers });
}

/**
 * A row where the simulator answers 429 asking for a wait (`retryAfter`) the call must not make under `settings`:
 * both modes end with that 429 after one request, before `underMs`.
 */
export function rateLimitNotWaited(row: {
  id: string;
  fault: string;
  retryAfter: string;
  settings: NonNullable<FaultCase['settings']>;
  underMs: number;
}): FaultCase {
  return {
    id: row.id,
    fault: row.fault,
    source: simulated429(row.retryAfter),
    settings: row.settings,
    expected: BOTH(FAILED(rateLimitError(row.retryAfter, 1), 1, { under: row.underMs })),
  };
}

/** An `http` error without a status (the connection failed, or a time limit ran out): retryable, saying `message`. */
export function httpFailure(message: string, attempts?: number): ExpectedError {
  return {
    name: 'CompletionError.Http',
    kind: 'http',
    isRetryable: true,
    ...(attempts === undefined ? {} : { attempts }),
    message: { exact: message },
  };
}

/**
 * Both modes of an HTTP 200 answer of `contentType` with the body `OK`, after one request: not JSON for a completion,
 * not a stream for a stream (`shownType` is the content type as the messages show it, redacted).
 */
export function notJsonNorStream(shownType: string): Partial<Record<CallMode, Expectation>> {
  const answer = '{provider} answered POST {url} with';
  return {
    completion: FAILED(
      {
        name: 'CompletionError.Json',
        kind: 'json',
        isRetryable: false,
        message: { exact: `${answer} a body that is not JSON (content-type ${shownType}): OK` },
      },
      1,
      { under: 5_000 },
    ),
    stream: FAILED(
      {
        name: 'CompletionError.Response',
        kind: 'response',
        reason: 'unexpected',
        isRetryable: false,
        message: { exact: `${answer} content-type ${shownType} instead of a stream: OK` },
      },
      1,
      { under: 5_000 },
    ),
  };
}

/**
 * A call the caller aborted: it rejects with the abort reason itself, soon after the abort, having sent at most one
 * request; a stream delivered `partial` first.
 */
export const ABORTED = (partial: Expectation['partial'] = 'none'): Expectation => ({
  attempts: { atMost: 1 },
  outcome: 'abort-reason',
  partial,
  usage: false,
  timeMs: { under: 1_000, from: 'abort' },
});

/**
 * Both modes of a retryable HTTP status answered every time: the client sends the request and its two retries
 * (`maxRetries: 2`), then ends with that status's `http` error, within `underMs`.
 */
export function failedEveryRetry(
  status: number,
  statusText: string,
  detail: string,
  extra: Partial<ExpectedError> = {},
  underMs = 10_000,
): Partial<Record<CallMode, Expectation>> {
  return BOTH(FAILED(httpError(status, statusText, detail, 3, extra), 3, { under: underMs }));
}

/**
 * Both modes of an HTTP 401 whose message repeats the API key the client sent: one attempt, ending with the `http`
 * error in which the key reads `[REDACTED]` (in the message, and in the headers `extra` names), within 5 s.
 */
export function keyEchoedUnauthorized(extra: Partial<ExpectedError> = {}): Partial<Record<CallMode, Expectation>> {
  const message = 'Incorrect API key provided: [REDACTED]. You can find your API key in your account settings.';
  return BOTH(FAILED(httpError(401, 'Unauthorized', message, 1, extra), 1, { under: 5_000 }));
}
