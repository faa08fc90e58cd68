import { CompletionError } from './errors/completion-error.js';
import { PromptError } from './errors/prompt-error.js';
import type { Message } from './message.js';

const MESSAGE_LIMIT = 300;

function describe(error: unknown): string {
  let text: string;
  try {
    text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    text = Object.prototype.toString.call(error);
  }
  return text.length > MESSAGE_LIMIT ? `${text.slice(0, MESSAGE_LIMIT)}…` : text;
}

/**
 * Turns what a model call threw into what `prompt`, `chat` and agent runs reject with:
 * - when `signal` aborted, the signal's reason itself — cancellation is reported as `fetch` and every web API report
 *   it (an `AbortError` `DOMException` unless the caller gave another reason; see `isCancelled`);
 * - a `PromptError` as it is;
 * - a `CompletionError` as the `cause` of a `completion` PromptError;
 * - anything else (a custom model's `TypeError`, a thrown string) as the `cause` of a `response` CompletionError of
 *   reason `unexpected`, itself the `cause` of a `completion` PromptError — never a raw error.
 * `history` (the conversation so far, for an agent run) is attached to the PromptError it makes.
 */
export function toPromptError(error: unknown, signal?: AbortSignal, history?: Message[]): unknown {
  if (signal?.aborted) return signal.reason;
  if (PromptError.isInstance(error)) return error;
  const cause = CompletionError.isInstance(error)
    ? error
    : new CompletionError({
        kind: 'response',
        reason: 'unexpected',
        message: `the model call failed with an unexpected error: ${describe(error)}`,
        cause: error,
      });
  const fields = { kind: 'completion', message: cause.message, cause } as const;
  return new PromptError(history ? { ...fields, history } : fields);
}
