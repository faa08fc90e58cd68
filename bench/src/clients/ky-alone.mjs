// ky alone, as the brief of the transport put it: `ky.post(url, { json }).json()` for a prompt, and ky's response body
// read as SSE (split on blank lines, JSON.parse) for streams — ky with its defaults (retry, timeout), nothing else.
// What rig-ts's transport costs on top of ky is rig-ts minus this client.
import ky from 'ky';

export const name = 'ky alone';

const headers = { authorization: 'Bearer sk-bench-0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6' };

export function create(baseURL) {
  return { baseURL };
}

export async function prompt({ baseURL }) {
  const body = await ky.post(`${baseURL}/v1/chat/completions`, { json: { model: 'bench-prompt-0', messages: [{ role: 'user', content: 'Explain quantum computing' }] }, headers }).json();
  return body.choices[0].message.content;
}

async function sse(url, json, onData) {
  const response = await ky.post(url, { json, headers });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let start = 0;
    let boundary = buffer.indexOf('\n\n');
    while (boundary !== -1) {
      const event = buffer.slice(start, boundary);
      start = boundary + 2;
      boundary = buffer.indexOf('\n\n', start);
      const data = event.slice(event.indexOf('data: ') + 6);
      if (data !== '[DONE]') onData(JSON.parse(data));
    }
    buffer = buffer.slice(start);
  }
}

export async function streamText({ baseURL }, count, onFirst) {
  const parts = [];
  await sse(`${baseURL}/v1/chat/completions`, { model: `bench-text-${count}`, messages: [{ role: 'user', content: 'hi' }], stream: true }, (chunk) => {
    const content = chunk.choices[0]?.delta?.content;
    if (content) {
      if (parts.length === 0) onFirst();
      parts.push(content);
    }
  });
  return parts.join('');
}

export async function streamTool({ baseURL }, fragments, onFirst) {
  const parts = [];
  await sse(`${baseURL}/v1/chat/completions`, { model: `bench-tool-${fragments}`, messages: [{ role: 'user', content: 'hi' }], stream: true }, (chunk) => {
    const piece = chunk.choices[0]?.delta?.tool_calls?.[0]?.function?.arguments;
    if (piece) {
      if (parts.length === 0) onFirst();
      parts.push(piece);
    }
  });
  return JSON.parse(parts.join(''));
}

export async function streamAnthropic({ baseURL }, count, onFirst) {
  const parts = [];
  await sse(`${baseURL}/v1/messages`, { model: `bench-anthropic-${count}`, max_tokens: 1024, messages: [{ role: 'user', content: 'hi' }], stream: true }, (event) => {
    if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
      if (parts.length === 0) onFirst();
      parts.push(event.delta.text);
    }
  });
  return parts.join('');
}
