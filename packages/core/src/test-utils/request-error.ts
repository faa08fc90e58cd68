import { CompletionError } from '../errors/completion-error.js';

/**
 * The request error (a `CompletionError` of kind `request`) that `run` throws; throws itself when `run` returns, and
 * rethrows anything else `run` throws, so the test fails showing it.
 */
export function requestError(run: () => unknown): CompletionError {
  try {
    run();
  } catch (error) {
    if (CompletionError.isInstance(error) && error.kind === 'request') return error;
    throw error;
  }
  throw new Error('expected a request error');
}
