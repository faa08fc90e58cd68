import { CompletionError } from '../errors/completion-error.js';

/**
 * Runs `build` for entry `index` of a batch (a model mapping its request): a `request` error it throws is thrown again
 * naming the entry (`entries[3]: …`, path `entries[3].request.<path>`), with the original as `cause`.
 */
export function atBatchEntry<T>(index: number, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (!CompletionError.isInstance(error) || error.kind !== 'request') throw error;
    return fail(index, error);
  }
}

function fail(index: number, error: CompletionError & { kind: 'request' }): never {
  const path = `entries[${index}].request${error.path === undefined ? '' : `.${error.path}`}`;
  throw new CompletionError({ kind: 'request', message: `entries[${index}]: ${error.message}`, path, cause: error });
}
