import { chunkLines, readFixture, readTextFixture } from '@rig-ts/fixtures';

/** A request as the injected `fetch` saw it. */
export interface SeenRequest {
  url: string;
  headers: { [name: string]: string };
  body: unknown;
}

/** An injected `fetch` answering the n-th call with `answers[n]`, recording each request. */
export function replayFetch(...answers: (() => Response)[]): {
  fetch: typeof globalThis.fetch;
  requests: SeenRequest[];
} {
  const requests: SeenRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const headers: { [name: string]: string } = {};
    request.headers.forEach((value, name) => (headers[name] = value));
    const text = await request.text();
    requests.push({ url: request.url, headers, body: text === '' ? undefined : JSON.parse(text) });
    const answer = answers[requests.length - 1];
    if (answer === undefined) throw new Error(`unexpected request #${requests.length}`);
    return answer();
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

export function jsonResponse(status: number, body: unknown, headers: { [name: string]: string } = {}): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** An SSE response delivering `chunks` one read at a time. */
export function sseResponse(chunks: readonly Uint8Array[], headers: { [name: string]: string } = {}): Response {
  let index = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (index < chunks.length) controller.enqueue(chunks[index++]!);
      else controller.close();
    },
  });
  return new Response(body, {
    status: 200,
    headers: { 'content-type': 'text/event-stream; charset=utf-8', ...headers },
  });
}

/** The messages of a `.chunks.txt` recording: vercel/ai records several responses of a multi-step call in one file. */
export function chunkMessages(path: string): string[][] {
  const messages: string[][] = [];
  let current: string[] = [];
  for (const line of chunkLines(path)) {
    current.push(line);
    if ((JSON.parse(line) as { type: string }).type === 'message_stop') {
      messages.push(current);
      current = [];
    }
  }
  if (current.length > 0) throw new Error(`${path} ends inside a message`);
  return messages;
}

export const encoder = new TextEncoder();

export { readFixture, readTextFixture };
