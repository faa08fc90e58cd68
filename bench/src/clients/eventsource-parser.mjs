// Raw fetch with the eventsource-parser package as the SSE decoder (to compare with rig-ts's own decoder).
import { createParser } from 'eventsource-parser';

export const name = 'fetch + eventsource-parser';

export async function streamText(baseURL, count, onFirstDelta) {
  const response = await fetch(`${baseURL}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk-bench', 'x-bench-count': String(count) },
    body: JSON.stringify({ model: 'gpt-4.1-nano', messages: [{ role: 'user', content: 'hi' }], stream: true }),
  });
  const parts = [];
  let first = true;
  const parser = createParser({
    onEvent(event) {
      if (event.data === '[DONE]') return;
      const content = JSON.parse(event.data).choices[0]?.delta?.content;
      if (content) {
        if (first) {
          first = false;
          onFirstDelta();
        }
        parts.push(content);
      }
    },
  });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.feed(decoder.decode(value, { stream: true }));
  }
  return parts.join('');
}
