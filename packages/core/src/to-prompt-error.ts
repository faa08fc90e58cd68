import { CompletionError } from './errors/completion-error.js';
import { PromptError } from './errors/prompt-error.js';
import type { Message } from './message.js';

/**
 * Turns what a model call threw into a `PromptError`: `cancelled` when `signal` aborted, `completion` for a
 * `CompletionError`; anything else is rethrown unchanged by the caller (returned as is).
 */
export function toPromptError(error: unknown, signal?: AbortSignal, history?: Message[]): unknown {
  if (PromptError.isInstance(error)) return error;
  if (signal?.aborted) {
    const cancelled = { kind: 'cancelled', message: 'the prompt was cancelled', reason: signal.reason, cause: error } as const;
    return new PromptError(history ? { ...cancelled, history } : cancelled);
  }
  if (CompletionError.isInstance(error)) return new PromptError({ kind: 'completion', message: error.message, cause: error });
  return error;
}
