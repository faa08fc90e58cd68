import { invalidRequest } from '@rig-ts/core/internal';

/** The limits a client's settings or a call's options may set. */
export interface TransportLimits {
  maxRetries?: number | undefined;
  timeoutMs?: number | undefined;
  idleTimeoutMs?: number | undefined;
  maxRetryDelayMs?: number | undefined;
}

const DURATIONS = ['timeoutMs', 'idleTimeoutMs', 'maxRetryDelayMs'] as const;

/**
 * Refuses limits that are not numbers of what they count (`NaN`, negative, a string, a fractional retry count): with
 * `NaN` retries a failing call was retried until its time limit ran out, every few milliseconds, and a `NaN` or
 * negative duration silently meant no limit. `Infinity` stays accepted: as many retries as the time limit allows, and
 * no limit for a duration (as `0` for `timeoutMs` and `idleTimeoutMs`).
 * `where` names the client or the call in the message; it is only called for a message (not on every call).
 * @throws {CompletionError} a `request` error whose `path` names the option
 */
export function checkTransportLimits(limits: TransportLimits, where: () => string): void {
  const { maxRetries } = limits;
  if (maxRetries !== undefined && !(Number.isSafeInteger(maxRetries) && maxRetries >= 0) && maxRetries !== Infinity)
    throw invalidRequest(
      `${where()}: maxRetries must be a whole number of at least 0, or Infinity (got ${String(maxRetries)})`,
      'maxRetries',
    );
  for (const name of DURATIONS) {
    const value = limits[name];
    if (value !== undefined && !(typeof value === 'number' && value >= 0))
      throw invalidRequest(
        `${where()}: ${name} must be a number of milliseconds of at least 0, or Infinity (got ${String(value)})`,
        name,
      );
  }
}
