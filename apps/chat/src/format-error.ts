/**
 * An error as one line for the user: its message (which for rig-ts errors names what failed, the request and the
 * provider's own message), whitespace collapsed, every secret replaced by `[REDACTED]`, and never a stack trace.
 */
export function formatError(error: unknown, secrets: readonly string[] = []): string {
  let message =
    error instanceof Error
      ? error.message
      : typeof error === 'string'
        ? error
        : (JSON.stringify(error) ?? String(error));
  if (message.trim() === '') message = error instanceof Error ? error.name : 'unknown error';
  for (const secret of secrets) if (secret.length >= 4) message = message.split(secret).join('[REDACTED]');
  message = message.replace(/\s+/g, ' ').trim();
  return message.length > 600 ? `${message.slice(0, 599)}…` : message;
}
