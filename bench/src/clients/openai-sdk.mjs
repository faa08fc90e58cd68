// The official openai SDK (Chat Completions).
import OpenAI from 'openai';
import { lookupTool } from './lookup-tool.mjs';

export const name = 'openai SDK';

const lookup = { type: 'function', function: lookupTool };

export function create(baseURL) {
  return {
    client: new OpenAI({ apiKey: 'sk-bench-0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6', baseURL: `${baseURL}/v1` }),
  };
}

export async function prompt({ client }) {
  const completion = await client.chat.completions.create({
    model: 'bench-prompt-0',
    messages: [{ role: 'user', content: 'Explain quantum computing' }],
  });
  return completion.choices[0].message.content;
}

export async function streamText({ client }, count, onFirst) {
  const stream = await client.chat.completions.create({
    model: `bench-text-${count}`,
    messages: [{ role: 'user', content: 'hi' }],
    stream: true,
    stream_options: { include_usage: true },
  });
  const parts = [];
  for await (const chunk of stream) {
    const content = chunk.choices[0]?.delta?.content;
    if (content) {
      if (parts.length === 0) onFirst();
      parts.push(content);
    }
  }
  return parts.join('');
}

export async function streamTool({ client }, fragments, onFirst) {
  const stream = await client.chat.completions.create({
    model: `bench-tool-${fragments}`,
    messages: [{ role: 'user', content: 'hi' }],
    tools: [lookup],
    stream: true,
  });
  const parts = [];
  for await (const chunk of stream) {
    const piece = chunk.choices[0]?.delta?.tool_calls?.[0]?.function?.arguments;
    if (piece) {
      if (parts.length === 0) onFirst();
      parts.push(piece);
    }
  }
  return JSON.parse(parts.join(''));
}
