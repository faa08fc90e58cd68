import { PromptError, StructuredOutputError } from '@rig-ts/core';
import { toPromptError } from '@rig-ts/core/internal';

/**
 * What a failed model call becomes: a `completion` {@link StructuredOutputError} whose `cause` is the
 * `CompletionError` (or the `cancelled` `PromptError` when `signal` aborted). Other throwables are returned unchanged.
 */
export function toStructuredOutputError(error: unknown, signal?: AbortSignal): unknown {
  if (StructuredOutputError.isInstance(error)) return error;
  const mapped = toPromptError(error, signal);
  if (!PromptError.isInstance(mapped)) return mapped;
  const cause = mapped.kind === 'completion' ? mapped.cause : mapped;
  return new StructuredOutputError({ kind: 'completion', message: cause.message, cause });
}
