import { CompletionError, type CompletionErrorOptions } from './errors/completion-error.js';

/** The longest message an error about what a server sent keeps, in characters. */
const MESSAGE_LIMIT = 500;
/** The longest `body` (or provider message) such an error keeps, in characters. */
const BODY_LIMIT = 65_536;

/** What {@link limitErrorText} may add or must remove. */
export interface LimitErrorTextOptions {
  /** Removes secrets from text before it is cut (so that no piece of one survives a cut). */
  redact?: ((text: string) => string) | undefined;
  /** The frame or body the error is about: kept as the `body` of a `response` error that has none. */
  body?: string | undefined;
}

function cut(text: string, limit: number, mark: string, redact: ((text: string) => string) | undefined): string {
  if (text.length <= limit) return text;
  const safe = redact === undefined ? text : redact(text);
  return safe.length <= limit ? safe : safe.slice(0, limit) + mark;
}

/**
 * A `CompletionError` raised over what a server sent, with its texts bounded: the message at 500 characters, the `body`
 * and the provider's message at 64 KiB (each redacted before it is cut; what is not cut is left for the transport to
 * redact), and `body` set to the frame when a `response` error has none. Anything else is returned as it is; so is an
 * error already within bounds.
 */
export function limitErrorText(error: unknown, options: LimitErrorTextOptions = {}): unknown {
  if (!CompletionError.isInstance(error)) return error;
  const { redact } = options;
  const message = cut(error.message, MESSAGE_LIMIT, '…', redact);
  const ownBody = 'body' in error ? error.body : undefined;
  const given = ownBody ?? (error.kind === 'response' ? options.body : undefined);
  const body = given === undefined ? undefined : cut(given, BODY_LIMIT, '…[truncated]', redact);
  const providerError = error.kind === 'http' || error.kind === 'provider' ? error.providerError : undefined;
  const providerMessage =
    providerError?.message === undefined ? undefined : cut(providerError.message, BODY_LIMIT, '…[truncated]', redact);
  if (message === error.message && body === ownBody && providerMessage === providerError?.message) return error;
  const fields: CompletionErrorOptions = { ...error, message, cause: error.cause };
  if (body !== undefined && (fields.kind === 'http' || fields.kind === 'json' || fields.kind === 'response'))
    fields.body = body;
  if (
    providerMessage !== undefined &&
    (fields.kind === 'http' || fields.kind === 'provider') &&
    fields.providerError !== undefined
  )
    fields.providerError = { ...fields.providerError, message: providerMessage };
  return new CompletionError(fields);
}
