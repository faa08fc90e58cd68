import { CompletionError } from '@rig-ts/core';

const REDACTED = '[REDACTED]';

/** Replaces every occurrence of `secret` in `text`. */
export function redactSecret(text: string, secret: string | undefined): string {
  return secret && text.includes(secret) ? text.split(secret).join(REDACTED) : text;
}

function mentions(error: Error, secret: string): boolean {
  return error.message.includes(secret) || (error.stack?.includes(secret) ?? false);
}

/**
 * A cause chain safe to keep: errors whose message or stack mention `secret` are replaced by copies with the secret
 * redacted (name, message, stack and `code` kept). Other values pass through.
 */
export function redactCause(cause: unknown, secret: string | undefined, depth = 0): unknown {
  if (!secret || !(cause instanceof Error) || depth > 8) return cause;
  const inner = redactCause(cause.cause, secret, depth + 1);
  if (!mentions(cause, secret) && inner === cause.cause) return cause;
  const copy = new Error(redactSecret(cause.message, secret), inner === undefined ? undefined : { cause: inner });
  copy.name = cause.name;
  if (cause.stack !== undefined) copy.stack = redactSecret(cause.stack, secret);
  const code = (cause as { code?: unknown }).code;
  if (code !== undefined) (copy as { code?: unknown }).code = code;
  return copy;
}

/**
 * A `CompletionError` safe to hand out: itself when nothing in it mentions `secret`, else a copy with the secret
 * redacted from its message, its fields (body, provider error, headers: plain JSON) and its cause chain.
 */
export function redactError(error: CompletionError, secret: string | undefined): CompletionError {
  if (!secret) return error;
  const cause = redactCause(error.cause, secret);
  const fields = JSON.stringify({ ...error, cause: undefined, message: error.message });
  if (cause === error.cause && !fields.includes(secret)) return error;
  return new CompletionError({ ...JSON.parse(fields, (_key, value: unknown) => (typeof value === 'string' ? redactSecret(value, secret) : value)), cause });
}
