import type { Redactor } from './redactor.js';

/** A body read up to a limit, the key removed. */
export interface CappedText {
  /** What was read (`…[truncated]` when cut at the limit). */
  text: string;
  /** What broke the read off, when the body ended in an error rather than at its end or the limit. */
  readError?: unknown;
}

/**
 * Reads at most `maxBytes` of a body as text, then cancels the rest (a huge error page cannot exhaust memory), the key
 * removed — also the start of a key that the limit cuts in two. A body that breaks off mid-read gives what came before
 * the break, and the error that broke it.
 */
export async function readCappedText(response: Response, maxBytes: number, redactor: Redactor): Promise<CappedText> {
  if (response.body === null) return { text: '' };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let received = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (readError) {
      return { text: redactor.cutText(text + decoder.decode()), readError };
    }
    const { done, value } = chunk;
    if (done) return { text: redactor.text(text + decoder.decode()) };
    received += value.byteLength;
    if (received > maxBytes) {
      text += decoder.decode(value.subarray(0, value.byteLength - (received - maxBytes)));
      await reader.cancel().catch(() => undefined);
      return { text: `${redactor.cutText(text)}…[truncated]` };
    }
    text += decoder.decode(value, { stream: true });
  }
}
