// ky alone, as the brief of the transport put it: `ky.post(url, { json }).json()` for a prompt, and ky's response body
// read as SSE (split on blank lines, JSON.parse) for streams — ky with its defaults (retry, timeout), nothing else.
// What rig-ts's transport costs on top of ky is rig-ts minus this client.
import ky from 'ky';
import { minimalStreams } from './minimal-streams.mjs';

export const name = 'ky alone';

const headers = { authorization: 'Bearer sk-bench-0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6' };

export function create(baseURL) {
  return { baseURL };
}

export async function prompt({ baseURL }) {
  const body = await ky
    .post(`${baseURL}/v1/chat/completions`, {
      json: { model: 'bench-prompt-0', messages: [{ role: 'user', content: 'Explain quantum computing' }] },
      headers,
    })
    .json();
  return body.choices[0].message.content;
}

export const { streamText, streamTool, streamAnthropic } = minimalStreams((url, json) =>
  ky.post(url, { json, headers }),
);
