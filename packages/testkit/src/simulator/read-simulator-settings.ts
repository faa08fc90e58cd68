import { parseModelFault } from './parse-model-fault.js';
import { SimRequestError } from './sim-conversation.js';

/** The faults the simulator can inject. */
export const SIMULATOR_FAULTS = [
  '400',
  '401',
  '404',
  '429',
  '500',
  '502',
  '503',
  '529',
  'reset',
  'cut',
  'malformed',
  'no-end',
  'slow-first-byte',
  'html',
  'stall',
] as const;

/** A fault the simulator can inject (see the README for what each does). */
export type SimulatorFault = (typeof SIMULATOR_FAULTS)[number];

/** What one request asks of the simulator, from its `x-sim-*` headers or its model name. */
export interface SimulatorSettings {
  fault: SimulatorFault | undefined;
  /** Only the first `faultCount` requests with this fault and model fail. */
  faultCount: number | undefined;
  chunkSize: number | undefined;
  delayMs: number | undefined;
  retryAfter: string | undefined;
}

function integer(headers: { [name: string]: string }, name: string, minimum: number): number | undefined {
  const value = headers[name];
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < minimum)
    throw new SimRequestError(`${name} must be an integer of at least ${minimum} (got "${value}")`);
  return number;
}

/**
 * Reads `x-sim-fault`, `x-sim-fault-count`, `x-sim-chunk-size`, `x-sim-delay-ms` and `x-sim-retry-after` (header
 * names lower-cased); without `x-sim-fault`, a model id ending in `fault-<name>` (optionally `-<count>x`, e.g.
 * `gpt-4o-fault-503-2x`) selects the fault. An unknown fault in either place is a request error.
 */
export function readSimulatorSettings(
  headers: { [name: string]: string },
  model: string | undefined,
): SimulatorSettings {
  let fault: SimulatorFault | undefined;
  let faultCount = integer(headers, 'x-sim-fault-count', 1);
  const header = headers['x-sim-fault'];
  if (header !== undefined) {
    if (!(SIMULATOR_FAULTS as readonly string[]).includes(header)) {
      throw new SimRequestError(
        `unknown simulator fault "${header}" (x-sim-fault): use one of ${SIMULATOR_FAULTS.join(', ')}`,
      );
    }
    fault = header as SimulatorFault;
  }
  const modelFault = model === undefined ? undefined : parseModelFault(model, SIMULATOR_FAULTS);
  if (header === undefined && modelFault !== undefined) {
    fault = modelFault.fault;
    faultCount ??= modelFault.count;
  }
  const retryAfter = headers['x-sim-retry-after'];
  if (retryAfter !== undefined && !/^(none|\d+(\.\d+)?|\d+ms|date(:\d+)?)$/.test(retryAfter)) {
    throw new SimRequestError(
      `x-sim-retry-after must be seconds ("2"), milliseconds ("250ms"), "date", "date:<seconds>" or "none" (got "${retryAfter}")`,
    );
  }
  return {
    fault,
    faultCount,
    chunkSize: integer(headers, 'x-sim-chunk-size', 1),
    delayMs: integer(headers, 'x-sim-delay-ms', 0),
    retryAfter,
  };
}
