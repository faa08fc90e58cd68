import { PromptError, StructuredOutputError } from '@rig-ts/core';
import { toPromptError } from '@rig-ts/core/internal';

/**
 * What a failed model call becomes: the signal's reason itself when `signal` aborted (cancellation, as everywhere in
 * rig-ts), else a `completion` {@link StructuredOutputError} whose `cause` is the `CompletionError` (a `response` one
 * of reason `unexpected` wrapping anything else the model threw) or the `PromptError` an agent run ended with.
 */
export function toStructuredOutputError(error: unknown, signal?: AbortSignal): unknown {
  if (StructuredOutputError.isInstance(error)) return error;
  const mapped = toPromptError(error, signal);
  if (!PromptError.isInstance(mapped)) return mapped;
  const cause = mapped.kind === 'completion' ? mapped.cause : mapped;
  return new StructuredOutputError({ kind: 'completion', message: cause.message, cause });
}
