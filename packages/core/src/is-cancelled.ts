import { PromptError } from './errors/prompt-error.js';
import { StructuredOutputError } from './errors/structured-output-error.js';

/**
 * True when `error` reports a cancellation rather than a failure. A call, a stream (`final`, iteration) or an agent
 * run whose `signal` aborts rejects with the signal's reason itself, as `fetch` does: an `AbortError` `DOMException`
 * by default (`controller.abort()`), a `TimeoutError` one from `AbortSignal.timeout()`, or whatever the caller passed
 * to `abort(reason)` — pass the `signal` to recognize such a reason too. A hook's `stop` rejects with a `cancelled`
 * `PromptError` (also inside a `StructuredOutputError` of kind `completion`). Timeouts of rig-ts's own (`timeoutMs`,
 * `idleTimeoutMs`) are failures (`http` CompletionErrors), not cancellations.
 *
 * @example
 * try {
 *   await agent.prompt(text, { signal });
 * } catch (error) {
 *   if (isCancelled(error, signal)) return; // the user stopped it
 *   throw error;
 * }
 */
export function isCancelled(error: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted && error === signal.reason) return true;
  if (PromptError.isInstance(error)) return error.kind === 'cancelled';
  if (StructuredOutputError.isInstance(error)) return error.kind === 'completion' && isCancelled(error.cause, signal);
  if (typeof error !== 'object' || error === null) return false;
  const name = (error as { name?: unknown }).name;
  return name === 'AbortError' || name === 'TimeoutError';
}
