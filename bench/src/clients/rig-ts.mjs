// rig-ts: the real provider packages (ky transport, SSE decoder, wire adapters, the shared accumulator).
import * as openai from '@rig-ts/openai';
import { lookupTool } from './lookup-tool.mjs';

export const name = 'rig-ts';

export async function create(baseURL) {
  const client = new openai.Client({
    apiKey: 'sk-bench-0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6',
    baseURL: `${baseURL}/v1`,
  });
  return { baseURL, client, anthropic: undefined, prompter: openai.chatCompletionsModel(client, 'bench-prompt-0') };
}

export function prompt({ prompter }) {
  return prompter.prompt('Explain quantum computing');
}

export async function streamText({ client }, count, onFirst) {
  const stream = await openai.chatCompletionsModel(client, `bench-text-${count}`).streamPrompt('hi');
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
  const stream = await openai
    .chatCompletionsModel(client, `bench-tool-${fragments}`)
    .completionRequest('hi')
    .tool(lookupTool)
    .stream();
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
  // Imported on first use (an untimed warm-up), so that the OpenAI scenarios and cold import load only @rig-ts/openai.
  context.anthropic ??= new (await import('@rig-ts/anthropic')).Client({
    apiKey: 'sk-bench-0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6',
    baseURL: `${context.baseURL}/v1`,
  });
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
