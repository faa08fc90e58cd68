import { redactSecret } from './redact-secret.js';

/** The length of the longest end of `text` that begins `secret` (4 characters or more): a key cut in two by a limit. */
function cutSecretLength(text: string, secret: string): number {
  for (let length = Math.min(secret.length - 1, text.length); length >= 4; length--) {
    if (text.endsWith(secret.slice(0, length))) return length;
  }
  return 0;
}

/**
 * Reads at most `maxBytes` of a body as text, then cancels the rest (a huge error page cannot exhaust memory), with
 * `secret` redacted — also the start of a key that the limit cuts in two.
 */
export async function readCappedText(response: Response, maxBytes: number, secret: string | undefined): Promise<string> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return redactSecret(text + decoder.decode(), secret);
    received += value.byteLength;
    if (received > maxBytes) {
      text = redactSecret(text + decoder.decode(value.subarray(0, value.byteLength - (received - maxBytes))), secret);
      await reader.cancel().catch(() => undefined);
      return `${secret ? text.slice(0, text.length - cutSecretLength(text, secret)) : text}…[truncated]`;
    }
    text += decoder.decode(value, { stream: true });
  }
}
