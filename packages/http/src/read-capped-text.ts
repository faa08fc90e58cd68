/** Reads at most `maxBytes` of a body as text, then cancels the rest (a huge error page cannot exhaust memory). */
export async function readCappedText(response: Response, maxBytes: number): Promise<string> {
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
      text += decoder.decode(value.subarray(0, value.byteLength - (received - maxBytes)));
      await reader.cancel().catch(() => undefined);
      return `${text}…[truncated]`;
    }
    text += decoder.decode(value, { stream: true });
  }
}
