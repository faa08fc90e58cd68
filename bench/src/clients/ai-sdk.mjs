// The Vercel AI SDK (`ai` + `@ai-sdk/openai` Chat Completions + `@ai-sdk/anthropic`).
import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { generateText, jsonSchema, streamText as aiStreamText, tool } from 'ai';
import { lookupTool } from './lookup-tool.mjs';

export const name = 'AI SDK';

globalThis.AI_SDK_LOG_WARNINGS = false;

const lookup = tool({ description: lookupTool.description, inputSchema: jsonSchema(lookupTool.parameters) });

export function create(baseURL) {
  return {
    openai: createOpenAI({ apiKey: 'sk-bench-0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6', baseURL: `${baseURL}/v1` }),
    anthropic: createAnthropic({
      apiKey: 'sk-bench-0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6',
      baseURL: `${baseURL}/v1`,
    }),
  };
}

export async function prompt({ openai }) {
  const result = await generateText({ model: openai.chat('bench-prompt-0'), prompt: 'Explain quantum computing' });
  return result.text;
}

async function text(model, onFirst) {
  const result = aiStreamText({ model, prompt: 'hi' });
  const parts = [];
  for await (const piece of result.textStream) {
    if (parts.length === 0) onFirst();
    parts.push(piece);
  }
  return parts.join('');
}

export function streamText({ openai }, count, onFirst) {
  return text(openai.chat(`bench-text-${count}`), onFirst);
}

export function streamAnthropic({ anthropic }, count, onFirst) {
  return text(anthropic(`bench-anthropic-${count}`), onFirst);
}

export async function streamTool({ openai }, fragments, onFirst) {
  const result = aiStreamText({ model: openai.chat(`bench-tool-${fragments}`), prompt: 'hi', tools: { lookup } });
  let first = true;
  for await (const part of result.fullStream) {
    if (first && part.type === 'tool-input-delta') {
      first = false;
      onFirst();
    }
  }
  return (await result.toolCalls)[0].input;
}
