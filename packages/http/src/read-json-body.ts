import { MAX_WIRE_MESSAGE } from '@rig-ts/core/internal';

/**
 * The most of a JSON answer rig-ts reads, in bytes (core's `MAX_WIRE_MESSAGE`, 64 MiB): a server that sends more (or a
 * small compressed body that inflates without end) cannot fill the process's memory.
 */
export const MAX_JSON_BODY_BYTES = MAX_WIRE_MESSAGE;

/**
 * The text of a body, or `undefined` when it passes `maxBytes` (the rest is cancelled, not read). The bytes are
 * counted as they arrive, decoded, so a `content-length` or compression cannot hide the size. A read that breaks off
 * rejects with the read's error.
 */
export async function readJsonBody(response: Response, maxBytes: number): Promise<string | undefined> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
}
