import { CompletionError } from './errors/completion-error.js';
import { RigError } from './errors/rig-error.js';

/**
 * Runs `prepare` over a caller's request (building a provider's request body from it): a rig-ts error passes through;
 * anything else it throws (a `TypeError` on a request of the wrong shape, a getter or a Proxy that throws) becomes a
 * `request` CompletionError, raised before anything is sent, with the original as `cause`.
 */
export function readRequest<T>(prepare: () => T): T {
  try {
    return prepare();
  } catch (error) {
    if (RigError.isInstance(error)) throw error;
    let reason: string;
    try {
      reason = error instanceof Error ? error.message : String(error);
    } catch {
      reason = 'a value that cannot be shown';
    }
    throw new CompletionError({ kind: 'request', message: `the request cannot be read: ${reason}`, cause: error });
  }
}
