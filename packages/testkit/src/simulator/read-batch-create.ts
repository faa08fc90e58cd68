import { readBatchSettings } from './read-batch-settings.js';
import type { SimulatedBatchSettings } from './simulated-batch.js';
import type { BatchRouteRequest } from './simulator-batch-routes.js';
import type { SimulatorRoutesContext } from './simulator-engine.js';

/**
 * The JSON body of a batch's create request and the `x-sim-batch-*` settings it asks for; an error message (the
 * provider's `invalidJson` wording for a body that is not a JSON object) when either cannot be read.
 */
export function readBatchCreate<Body>(
  request: BatchRouteRequest,
  context: SimulatorRoutesContext,
  invalidJson: string,
): { body: Body; settings: SimulatedBatchSettings } | string {
  let body: unknown;
  try {
    body = JSON.parse(request.body);
  } catch {
    return invalidJson;
  }
  // `null`, a number or a string is JSON too, but not a create request.
  if (typeof body !== 'object' || body === null) return invalidJson;
  const settings = readBatchSettings(request.headers, context.options.batchDelayMs);
  return typeof settings === 'string' ? settings : { body: body as Body, settings };
}
