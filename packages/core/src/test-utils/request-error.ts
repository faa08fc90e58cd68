import { CompletionError } from '../errors/completion-error.js';
import { thrown } from './thrown.js';

/**
 * The request error (a `CompletionError` of kind `request`) that `run` throws; throws itself when `run` returns, and
 * rethrows anything else `run` throws, so the test fails showing it.
 */
export function requestError(run: () => unknown): CompletionError {
  const error = thrown(run);
  if (CompletionError.isInstance(error) && error.kind === 'request') return error;
  throw error;
}
