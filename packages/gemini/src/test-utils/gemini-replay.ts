// Test helpers: read recorded Gemini traffic and serve it through an injected fetch.
import { chunkLines, readJsonFixture, readTextFixture } from '@rig-ts/fixtures';
import type { StreamedAssistantContent, StreamingCompletionResponse } from '@rig-ts/core';
import type { GeminiPart, GeminiResponse } from '../gemini-api-types.js';

/** The events of a recorded response: a `.json` body is one event, a raw `.sse` or a `.chunks.txt` holds several. */
export function recordedEvents(file: string): GeminiResponse[] {
  if (file.endsWith('.json')) return [readJsonFixture<GeminiResponse>(file)];
  if (file.endsWith('.chunks.txt')) return chunkLines(file).map((line) => JSON.parse(line) as GeminiResponse);
  return readTextFixture(file)
    .split('\r\n\r\n')
    .filter((event) => event.startsWith('data: '))
    .map((event) => JSON.parse(event.slice('data: '.length)) as GeminiResponse);
}

/** The parts of every event of a recording, in order. */
export function recordedParts(file: string): GeminiPart[] {
  return recordedEvents(file).flatMap((event) => event.candidates?.[0]?.content?.parts ?? []);
}

/** The `request_body` and status of a pydantic-ai interaction. */
export function recordedInteraction(file: string): {
  request_body: { [key: string]: unknown };
  uri: string;
  status: { code: number };
  response_headers: { [name: string]: string[] };
} {
  return readJsonFixture(file.replace(/\.response\.(json|sse)$/, '.meta.json'));
}

export interface FakeFetch {
  fetch: typeof globalThis.fetch;
  requests: { url: string; headers: Headers; body: unknown }[];
}

/** A `fetch` answering the n-th call with `answers[n]`: a status, headers and the body's chunks (sent exactly as split). */
export function fakeFetch(
  answers: { status?: number; headers?: { [name: string]: string }; chunks: (string | Uint8Array)[] }[],
): FakeFetch {
  const requests: FakeFetch['requests'] = [];
  const encoder = new TextEncoder();
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    requests.push({ url: request.url, headers: request.headers, body: JSON.parse(await request.text()) });
    const answer = answers[requests.length - 1];
    if (answer === undefined) throw new Error(`unexpected request ${requests.length}`);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of answer.chunks)
          controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
        controller.close();
      },
    });
    return new Response(body, {
      status: answer.status ?? 200,
      headers: answer.headers ?? { 'content-type': 'application/json' },
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

/** Every item of a stream, and its final response. */
export async function drain<Raw>(stream: StreamingCompletionResponse<Raw>): Promise<StreamedAssistantContent<Raw>[]> {
  const items: StreamedAssistantContent<Raw>[] = [];
  for await (const item of stream) items.push(item);
  return items;
}
