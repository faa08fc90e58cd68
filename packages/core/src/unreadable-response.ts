import { CompletionError } from './errors/completion-error.js';
import { RigError } from './errors/rig-error.js';
import { limitErrorText } from './limit-error-text.js';

/**
 * What a parser threw on a provider's answer, as the caller should see it: a rig-ts error passes through (its message
 * and body bounded); anything else (a `TypeError` on a body of an unexpected shape) becomes a malformed `response`
 * CompletionError saying what could not be read, with the original as `cause`.
 */
export function unreadableResponse(error: unknown, what: string): unknown {
  if (RigError.isInstance(error)) return limitErrorText(error);
  const reason = error instanceof Error ? error.message : String(error);
  return limitErrorText(new CompletionError({ kind: 'response', reason: 'malformed', message: `${what} that rig-ts cannot read: ${reason}`, cause: error }));
}

/** Runs `parse` over a provider's answer; see {@link unreadableResponse} for what it throws. */
export function readResponse<T>(parse: () => T, what: string): T {
  try {
    return parse();
  } catch (error) {
    throw unreadableResponse(error, what);
  }
}
