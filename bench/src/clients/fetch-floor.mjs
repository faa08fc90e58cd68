// The floor: raw fetch, split on blank lines, JSON.parse — the least work any client can do.
import { minimalStreams } from './minimal-streams.mjs';

export const name = 'raw fetch';

const headers = {
  'content-type': 'application/json',
  authorization: 'Bearer sk-bench-0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6',
};

export function create(baseURL) {
  return { baseURL };
}

export async function prompt({ baseURL }) {
  const response = await fetch(`${baseURL}/v1/chat/completions`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      model: 'bench-prompt-0',
      messages: [{ role: 'user', content: 'Explain quantum computing' }],
    }),
  });
  return (await response.json()).choices[0].message.content;
}

export const { streamText, streamTool, streamAnthropic } = minimalStreams((url, json) =>
  fetch(url, { method: 'POST', headers, body: JSON.stringify(json) }),
);
