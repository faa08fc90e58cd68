// The floor: raw fetch, split on blank lines, JSON.parse — the least work any client can do.
export const name = 'raw fetch (floor)';

export async function streamText(baseURL, count, onFirstDelta) {
  const response = await fetch(`${baseURL}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk-bench', 'x-bench-count': String(count) },
    body: JSON.stringify({ model: 'gpt-4.1-nano', messages: [{ role: 'user', content: 'hi' }], stream: true }),
  });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts = [];
  let buffer = '';
  let first = true;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let boundary = buffer.indexOf('\n\n');
    let start = 0;
    while (boundary !== -1) {
      const event = buffer.slice(start + 6, boundary);
      start = boundary + 2;
      boundary = buffer.indexOf('\n\n', start);
      if (event === '[DONE]') continue;
      const content = JSON.parse(event).choices[0]?.delta?.content;
      if (content) {
        if (first) {
          first = false;
          onFirstDelta();
        }
        parts.push(content);
      }
    }
    buffer = buffer.slice(start);
  }
  return parts.join('');
}
