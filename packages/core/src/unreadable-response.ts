import { CompletionError } from './errors/completion-error.js';
import { RigError } from './errors/rig-error.js';
import { limitErrorText } from './limit-error-text.js';

/**
 * What a parser threw on a provider's answer, as the caller should see it: a rig-ts error passes through; anything
 * else (a `TypeError` on a body of an unexpected shape) becomes a malformed `response` CompletionError saying what
 * could not be read, with the original as `cause`. Its texts are not bounded yet: see `limitErrorText`.
 */
export function unreadableResponse(error: unknown, what: string): unknown {
  if (RigError.isInstance(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new CompletionError({
    kind: 'response',
    reason: 'malformed',
    message: `${what} that rig-ts cannot read: ${reason}`,
    cause: error,
  });
}

/**
 * Runs `parse` over a provider's answer; throws what {@link unreadableResponse} gives, its message and body bounded
 * (`limitErrorText`).
 */
export function readResponse<T>(parse: () => T, what: string): T {
  try {
    return parse();
  } catch (error) {
    throw limitErrorText(unreadableResponse(error, what));
  }
}
