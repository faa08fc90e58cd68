import { invalidRequest } from '@rig-ts/core/internal';

/** Longest a tool may run by default, in ms (the default of the MCP SDK's requests too). */
export const DEFAULT_TOOL_TIMEOUT_MS = 60_000;

function shown(value: unknown): string {
  return typeof value === 'string'
    ? JSON.stringify(value)
    : typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean'
      ? String(value)
      : typeof value;
}

/**
 * `value` as a count of at least 1 (model calls, tools at once); `Infinity` only where `unbounded` is allowed. NaN,
 * 0, negatives, fractions and non-numbers are a `request` CompletionError naming the option (`path`).
 */
export function checkCount(value: unknown, name: string, unbounded = false): number {
  if (typeof value === 'number' && ((Number.isSafeInteger(value) && value >= 1) || (unbounded && value === Infinity)))
    return value;
  const limit = unbounded ? 'an integer of at least 1, or Infinity' : 'an integer of at least 1';
  throw invalidRequest(`${name} must be ${limit} (got ${shown(value)})`, name);
}

/** `value` as a time limit in ms: above 0, `Infinity` for none. Anything else is a `request` CompletionError. */
export function checkTimeLimit(value: unknown, name: string): number {
  if (typeof value === 'number' && value > 0) return value;
  throw invalidRequest(
    `${name} must be a number of milliseconds above 0, or Infinity for no limit (got ${shown(value)})`,
    name,
  );
}
