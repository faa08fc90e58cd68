import { SimRequestError } from './sim-conversation.js';

/** A fault asked for in a model id: `gpt-4o-fault-503`, `gpt-4o-fault-503-2x`, `sim-llama-fault-cut:latest`. */
export interface ModelFault<Fault extends string> {
  fault: Fault;
  /** The `-<n>x` suffix: only the first n requests fail. */
  count: number | undefined;
  /** The model id without the fault (`gpt-4o`, `sim-llama:latest`), as an API would name the model. */
  model: string;
}

// `fault-` at the start or after a separator (so not `default-`), the fault, an optional `-<n>x`, an optional `:tag`.
const MODEL_FAULT = /(?:^|[-_./])fault-(.*?)(?:-(\d+)x)?(:[\w.-]+)?$/;

/**
 * The fault a model id asks for, or `undefined` when it asks for none. A model id that asks for a fault the simulator
 * does not know (`gpt-4o-fault-418`), or for a count of 0, is a request error (400): never silently ignored.
 */
export function parseModelFault<Fault extends string>(
  model: string,
  faults: readonly Fault[],
): ModelFault<Fault> | undefined {
  const match = MODEL_FAULT.exec(model);
  if (match === null) return undefined;
  const name = match[1]!;
  if (!(faults as readonly string[]).includes(name)) {
    throw new SimRequestError(
      `unknown simulator fault "${name}" in the model id "${model}": use one of ${faults.join(', ')}`,
      'model',
    );
  }
  const count = match[2] === undefined ? undefined : Number(match[2]);
  if (count === 0)
    throw new SimRequestError(
      `the fault count in the model id "${model}" must be at least 1 (as in -${name}-1x)`,
      'model',
    );
  const base = model.slice(0, match.index) + (match[3] ?? '');
  return { fault: name as Fault, count, model: match.index === 0 ? model : base };
}
