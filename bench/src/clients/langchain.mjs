// LangChain (`@langchain/openai` ChatOpenAI, Chat Completions).
import { ChatOpenAI } from '@langchain/openai';
import { lookupTool } from './lookup-tool.mjs';

export const name = 'LangChain';

const lookup = { type: 'function', function: lookupTool };

function model(baseURL, name) {
  return new ChatOpenAI({
    model: name,
    apiKey: 'sk-bench-0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6',
    configuration: { baseURL: `${baseURL}/v1` },
    useResponsesApi: false,
  });
}

export function create(baseURL) {
  return { baseURL, prompter: model(baseURL, 'bench-prompt-0') };
}

export async function prompt({ prompter }) {
  const message = await prompter.invoke('Explain quantum computing');
  return message.content;
}

export async function streamText({ baseURL }, count, onFirst) {
  const parts = [];
  for await (const chunk of await model(baseURL, `bench-text-${count}`).stream('hi')) {
    if (typeof chunk.content === 'string' && chunk.content) {
      if (parts.length === 0) onFirst();
      parts.push(chunk.content);
    }
  }
  return parts.join('');
}

export async function streamTool({ baseURL }, fragments, onFirst) {
  const parts = [];
  for await (const chunk of await model(baseURL, `bench-tool-${fragments}`).bindTools([lookup]).stream('hi')) {
    const piece = chunk.tool_call_chunks?.[0]?.args;
    if (piece) {
      if (parts.length === 0) onFirst();
      parts.push(piece);
    }
  }
  return JSON.parse(parts.join(''));
}
