import { CompletionError } from '@rig-ts/core';

/**
 * The `response` error of reason `malformed` for a frame that is not valid JSON, quoting its start (after `redact`,
 * before any cut) and keeping it, bounded, as `body`. Provider streams and rig-ts's own stream wire report it alike.
 */
export function malformedFrame(frame: string, cause: unknown, redact?: (text: string) => string): CompletionError {
  const data = redact ? redact(frame) : frame;
  return new CompletionError({
    kind: 'response',
    reason: 'malformed',
    message: `stream sent a frame that is not valid JSON: ${data.length > 200 ? `${data.slice(0, 200)}…` : data}`,
    body: data.slice(0, 65536),
    cause,
  });
}
