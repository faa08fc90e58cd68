import { CompletionError } from '../errors/completion-error.js';

/**
 * A malformed `response` CompletionError for a batch result a provider sent that rig-ts cannot read (a line without
 * its request's id, a result with neither a response nor an error): `message` says what is wrong, and the result
 * itself goes in `body` (as JSON, cut to 64 KiB).
 */
export function malformedBatchResult(message: string, result: unknown): CompletionError {
  const body = JSON.stringify(result)?.slice(0, 65_536);
  return new CompletionError({
    kind: 'response',
    reason: 'malformed',
    message,
    ...(body === undefined ? {} : { body }),
  });
}

/**
 * A malformed `response` CompletionError for an answer that should be `provider`'s batch object (`object`: `'a Batch
 * object'`, `'a message batch'`) and is not: its message quotes the first 200 characters of the answer's JSON.
 */
export function malformedBatchObject(provider: string, object: string, body: unknown): CompletionError {
  return new CompletionError({
    kind: 'response',
    reason: 'malformed',
    message: `${provider} answered with something that is not ${object}: ${JSON.stringify(body)?.slice(0, 200)}`,
  });
}
