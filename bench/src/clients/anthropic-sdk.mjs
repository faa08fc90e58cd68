// The official @anthropic-ai/sdk (Messages, streamed).
import Anthropic from '@anthropic-ai/sdk';

export const name = '@anthropic-ai/sdk';

export function create(baseURL) {
  return { client: new Anthropic({ apiKey: 'sk-bench-0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6', baseURL }) };
}

export async function streamAnthropic({ client }, count, onFirst) {
  const stream = await client.messages.create({
    model: `bench-anthropic-${count}`,
    max_tokens: 1024,
    messages: [{ role: 'user', content: 'hi' }],
    stream: true,
  });
  const parts = [];
  for await (const event of stream) {
    if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
      if (parts.length === 0) onFirst();
      parts.push(event.delta.text);
    }
  }
  return parts.join('');
}
