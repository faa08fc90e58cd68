import { CompletionError, PromptError, RigError, StructuredOutputError } from '@rig-ts/core';

/** `error.type` of a call stopped by its caller: an aborted signal, a cancelled stream, a `cancelled` PromptError. */
export const CANCELLED = 'cancelled';

/** `error.type` of a stream nobody read to its end, cancelled or failed within `abandonAfterMs`. */
export const ABANDONED = 'abandoned';

/** `error.type` of a tool call whose result is an error (the tool threw, was unknown, got invalid arguments, was skipped). */
export const TOOL_ERROR = 'tool_error';

/** The conventions' fallback value. */
export const OTHER = '_OTHER';

function isAbort(error: unknown): boolean {
  return (
    (error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException)) &&
    error.name === 'AbortError'
  );
}

/**
 * The low-cardinality `error.type` of a failure (never its message):
 * - a `CompletionError` `http` with a status: the status (`429`, `500`); without one, `timeout` for the call's time
 *   limits, else `CompletionError.Http` (a network failure);
 * - a `CompletionError` `provider`: the provider's error code or type (`rate_limit_exceeded`, `overloaded_error`),
 *   else `CompletionError.Provider`; other kinds: their name (`CompletionError.Response`…);
 * - a `PromptError` `completion`: what its cause gives; `cancelled`: `cancelled`; others: their name;
 * - the caller's abort (the signal's reason, an `AbortError`): `cancelled`;
 * - any other `Error`: its name (`TypeError`); anything else: `_OTHER`.
 */
export function errorTypeOf(error: unknown, signal?: AbortSignal): string {
  if (signal?.aborted && error === signal.reason) return CANCELLED;
  if (CompletionError.isInstance(error)) {
    if (error.kind === 'http') {
      if (error.status !== undefined) return String(error.status);
      return /timed out|idle timeout/.test(error.message) ? 'timeout' : error.name;
    }
    if (error.kind === 'provider') {
      const code = error.providerError?.code ?? error.providerError?.type;
      return code === undefined || code === '' ? error.name : String(code);
    }
    return error.name;
  }
  if (PromptError.isInstance(error)) {
    if (error.kind === 'completion') return errorTypeOf(error.cause);
    return error.kind === 'cancelled' ? CANCELLED : error.name;
  }
  if (StructuredOutputError.isInstance(error))
    return error.kind === 'completion' ? errorTypeOf(error.cause) : error.name;
  if (isAbort(error)) return CANCELLED;
  if (RigError.isInstance(error) || error instanceof Error) return error.name || OTHER;
  return OTHER;
}
