import { isRetryableStatus } from '@rig-ts/core/internal';

/** A wait the server asked for, in ms, and the header that asked it. */
export interface AskedWait {
  waitMs: number;
  header: 'retry-after-ms' | 'retry-after';
}

/**
 * How long the server asked to wait: `retry-after-ms`, then `retry-after` in seconds or as an HTTP date.
 * `undefined` when it asked nothing usable (absent, negative, not a number or a date).
 */
export function askedWait(headers: Headers, now = Date.now()): AskedWait | undefined {
  const milliseconds = headers.get('retry-after-ms');
  if (milliseconds !== null && milliseconds.trim() !== '') {
    const value = Number(milliseconds);
    if (Number.isFinite(value) && value >= 0) return { waitMs: value, header: 'retry-after-ms' };
  }
  const retryAfter = headers.get('retry-after');
  if (retryAfter === null || retryAfter.trim() === '') return undefined;
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds)) return seconds >= 0 ? { waitMs: seconds * 1000, header: 'retry-after' } : undefined;
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? undefined : { waitMs: Math.max(0, date - now), header: 'retry-after' };
}

/** How long the server asked to wait, in ms (see {@link askedWait}); `undefined` when it asked nothing usable. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  return askedWait(headers, now)?.waitMs;
}

/** The first backoff step, doubled at each retry. */
const BACKOFF_BASE_MS = 500;
/** The longest backoff. */
const BACKOFF_CAP_MS = 8_000;

/** The longest backoff before retry `retry` (1 for the first): min(8 s, 0.5 s × 2^(retry − 1)); full jitter waits below it. */
export function backoffCapMs(retry: number): number {
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (retry - 1));
}

/** The statuses ky retries on its own: 408, 409, 429 and 500–599 (`isRetryableStatus` of `@rig-ts/core`). */
export const RETRY_STATUS_CODES: readonly number[] = [
  408,
  409,
  429,
  ...Array.from({ length: 100 }, (_value, index) => 500 + index),
];

/** What to do after a failed response. */
export type RetryPlan =
  /** Not retried: the status is not retryable, the server said `x-should-retry: false`, or it asked too long a wait. */
  | { kind: 'fail' }
  /** Retried after the wait the server asked for. */
  | ({ kind: 'wait' } & AskedWait)
  /** Retried after exponential backoff with full jitter. */
  | { kind: 'backoff' };

/** The limits on a wait the server asks for. */
export interface WaitLimits {
  /** The longest wait the caller accepts (`maxRetryDelayMs`). */
  maxRetryDelayMs: number;
  /** What is left of the call's `timeoutMs`; `Infinity` without one. */
  timeLeftMs: number;
}

/**
 * Whether and how a failed response is retried: `x-should-retry: true | false` overrides the status; a wait asked
 * for beyond `maxRetryDelayMs` or beyond the time left of `timeoutMs` fails the call at once, with this response's
 * error (waiting would only end in a timeout).
 */
export function planRetry(status: number, headers: Headers, limits: WaitLimits): RetryPlan {
  const shouldRetry = headers.get('x-should-retry');
  const retryable = shouldRetry === 'true' || (shouldRetry !== 'false' && isRetryableStatus(status));
  if (!retryable) return { kind: 'fail' };
  const wait = askedWait(headers);
  if (wait === undefined) return { kind: 'backoff' };
  return wait.waitMs > limits.maxRetryDelayMs || wait.waitMs > limits.timeLeftMs
    ? { kind: 'fail' }
    : { kind: 'wait', ...wait };
}
