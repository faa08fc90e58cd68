// Test helpers: the request and response examples of Ollama's official API docs, read from the docs themselves.
import { readTextFixture } from '@rig-ts/fixtures';
import Ajv2020 from 'ajv/dist/2020.js';
import { load } from 'js-yaml';
import type { OllamaResponse } from '../ollama-api-types.js';

export interface DocumentedExample {
  title: string;
  /** The JSON body of the example's curl request (`// …` comment lines removed). */
  request: { [key: string]: unknown };
  /** The JSON objects shown as its response: one body, or a stream's first object and its final one. */
  responses: OllamaResponse[];
}

function codeBlocks(text: string, language: string): string[] {
  const blocks: string[] = [];
  const fence = new RegExp('```' + language + '\\n([\\s\\S]*?)\\n```', 'g');
  for (const match of text.matchAll(fence)) blocks.push(match[1]!);
  return blocks;
}

function curlBody(shell: string): { [key: string]: unknown } {
  const start = shell.indexOf("-d '");
  const body = shell.slice(start + 4, shell.lastIndexOf("'"));
  return JSON.parse(
    body
      .split('\n')
      .filter((line) => !line.trim().startsWith('//'))
      .join('\n'),
  );
}

/** Every example of the "Generate a chat completion" section of `docs/api.md`, by title (`Chat request (Streaming)`…). */
export function chatExamples(): Map<string, DocumentedExample> {
  const api = readTextFixture('ollama/docs/api.md');
  const section = api.slice(api.indexOf('## Generate a chat completion'), api.indexOf('## Create a Model'));
  const examples = new Map<string, DocumentedExample>();
  for (const part of section.split(/\n#### /).slice(1)) {
    const title = part.slice(0, part.indexOf('\n')).trim();
    const [requestPart, responsePart] = part.split(/\n##### Response\n/);
    examples.set(title, {
      title,
      request: curlBody(codeBlocks(requestPart!, 'shell')[0]!),
      responses: codeBlocks(responsePart ?? '', 'json').map((block) => JSON.parse(block) as OllamaResponse),
    });
  }
  return examples;
}

/** A validator of `/api/chat` request bodies against `spec/openapi.yaml`'s `ChatRequest` schema. */
export function chatRequestValidator(): (body: unknown) => string[] {
  const spec = load(readTextFixture('ollama/spec/openapi.yaml')) as { [key: string]: unknown };
  const ajv = new Ajv2020.default({ strict: false, allErrors: true });
  ajv.addFormat('float', true);
  ajv.addSchema(spec, 'ollama-openapi');
  const validate = ajv.getSchema('ollama-openapi#/components/schemas/ChatRequest')!;
  return (body) =>
    validate(body) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}
