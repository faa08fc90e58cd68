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

/** `value` with `secret` redacted from every string in it (plain objects and arrays are copied). */
function redactDeep(value: unknown, secret: string, depth = 0): unknown {
  if (typeof value === 'string') return redactSecret(value, secret);
  if (depth > 8 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secret, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const copy: { [key: string]: unknown } = {};
  for (const [key, item] of Object.entries(value)) copy[key] = redactDeep(item, secret, depth + 1);
  return copy;
}

/**
 * A `CompletionError` safe to hand out: itself when nothing in it mentions `secret`, else a copy with the secret
 * redacted from its message, its fields (body, provider error, headers) and its cause chain.
 */
export function redactError(error: CompletionError, secret: string | undefined): CompletionError {
  if (!secret) return error;
  const cause = redactCause(error.cause, secret);
  const fields: { [key: string]: unknown } = {};
  for (const key of Object.keys(error)) if (key !== 'cause') fields[key] = (error as unknown as { [key: string]: unknown })[key];
  if (cause === error.cause && !error.message.includes(secret) && !JSON.stringify(fields).includes(secret)) return error;
  const options = redactDeep(fields, secret) as { [key: string]: unknown };
  return new CompletionError({ ...options, message: redactSecret(error.message, secret), ...(cause === undefined ? {} : { cause }) } as unknown as ConstructorParameters<typeof CompletionError>[0]);
}

