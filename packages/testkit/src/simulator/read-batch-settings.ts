import type { SimulatedBatchOutcome, SimulatedBatchSettings } from './simulated-batch.js';

/** The default `delayMs` of a simulated batch. */
export const DEFAULT_BATCH_DELAY_MS = 1000;

const OUTCOMES: readonly SimulatedBatchOutcome[] = ['completed', 'expired', 'failed'];

/**
 * What a batch's create request asks of the simulator: `x-sim-batch-delay-ms` (how long it runs; else `delayMs`),
 * `x-sim-batch-fail` (comma-separated ids of requests that fail) and `x-sim-batch-outcome` (`completed`, `expired`:
 * out of time before any request is done, `failed`: the batch as a whole). An invalid value is the error message.
 */
export function readBatchSettings(
  headers: { [name: string]: string | string[] | undefined },
  delayMs = DEFAULT_BATCH_DELAY_MS,
): SimulatedBatchSettings | string {
  const header = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value.join(',') : value;
  };
  const delay = header('x-sim-batch-delay-ms');
  if (delay !== undefined && !/^\d{1,9}$/.test(delay))
    return `x-sim-batch-delay-ms must be a whole number of milliseconds (got "${delay}")`;
  const outcome = header('x-sim-batch-outcome') ?? 'completed';
  if (!(OUTCOMES as readonly string[]).includes(outcome))
    return `x-sim-batch-outcome must be one of ${OUTCOMES.join(', ')} (got "${outcome}")`;
  const fail = new Set(
    (header('x-sim-batch-fail') ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== ''),
  );
  return { delayMs: delay === undefined ? delayMs : Number(delay), fail, outcome: outcome as SimulatedBatchOutcome };
}
