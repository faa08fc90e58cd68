// rig-ts: the real provider packages (ky transport, SSE decoder, wire adapters, the shared accumulator).
import * as openai from '@rig-ts/openai';

export const name = 'rig-ts';

const lookup = {
  name: 'lookup',
  description: 'Look items up',
  parameters: { type: 'object', properties: { query: { type: 'string' }, items: { type: 'array', items: { type: 'object' } } }, required: ['query', 'items'] },
};

export async function create(baseURL) {
  const client = new openai.Client({ apiKey: 'sk-bench', baseURL: `${baseURL}/v1` });
  let anthropic;
  try {
    const { Client } = await import('@rig-ts/anthropic');
    anthropic = new Client({ apiKey: 'sk-bench', baseURL: `${baseURL}/v1` });
  } catch {
    anthropic = undefined;
  }
  return { client, anthropic, prompter: client.completionModel('bench-prompt-0', { api: 'chat' }) };
}

export function prompt({ prompter }) {
  return prompter.prompt('Explain quantum computing');
}

export async function streamText({ client }, count, onFirst) {
  const stream = await client.completionModel(`bench-text-${count}`, { api: 'chat' }).streamPrompt('hi');
  let first = true;
  for await (const item of stream) {
    if (first && item.type === 'text') {
      first = false;
      onFirst();
    }
  }
  return (await stream.final).choice[0].text;
}

export async function streamTool({ client }, fragments, onFirst) {
  const stream = await client.completionModel(`bench-tool-${fragments}`, { api: 'chat' }).completionRequest('hi').tool(lookup).stream();
  let first = true;
  for await (const item of stream) {
    if (first && item.type === 'tool-call-delta' && item.argumentsDelta) {
      first = false;
      onFirst();
    }
  }
  return (await stream.final).choice[0].function.arguments;
}

export async function streamAnthropic(context, count, onFirst) {
  if (!context.anthropic) return undefined;
  const stream = await context.anthropic.completionModel(`bench-anthropic-${count}`).streamPrompt('hi');
  let first = true;
  for await (const item of stream) {
    if (first && item.type === 'text') {
      first = false;
      onFirst();
    }
  }
  return (await stream.final).choice[0].text;
}
