import { readFixture, readJsonFixture } from '@rig-ts/fixtures';

/** A `fetch` that answers every call from `answer` and records the requests (URL, headers, parsed body). */
export interface RecordingFetch {
  fetch: typeof fetch;
  requests: { url: string; headers: { [name: string]: string }; body: any }[];
}

/** A body stream that hands out `chunks` one read at a time, as a network would. */
export function chunkedStream(chunks: readonly (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let index = 0;
  return new ReadableStream({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
    },
  });
}

/** A `fetch` answering with `answer(parsedBody, callIndex)`, recording each request. */
export function recordingFetch(answer: (body: any, index: number) => Response): RecordingFetch {
  const requests: RecordingFetch['requests'] = [];
  const fetchImplementation = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const text = await request.text();
    const headers: { [name: string]: string } = {};
    request.headers.forEach((value, name) => (headers[name] = value));
    const body = text === '' ? undefined : JSON.parse(text);
    requests.push({ url: request.url, headers, body });
    return answer(body, requests.length - 1);
  };
  return { fetch: fetchImplementation as typeof fetch, requests };
}

/** A JSON response (`body` serialized unless it is already a string). */
export function jsonResponse(body: unknown, status = 200, headers: { [name: string]: string } = {}): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** A `text/event-stream` response whose body arrives in `chunks`. */
export function sseResponse(
  chunks: readonly (string | Uint8Array)[],
  headers: { [name: string]: string } = {},
): Response {
  return new Response(chunkedStream(chunks), {
    status: 200,
    headers: { 'content-type': 'text/event-stream; charset=utf-8', ...headers },
  });
}

/** The shortest Chat Completions answer: one choice saying `ok` (finish reason `stop`), no usage. */
export function okChatAnswer(): Response {
  return jsonResponse({
    choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }],
  });
}

/** A Chat Completions stream of one chunk answering `ok` (finish reason `stop`), then `[DONE]`. */
export function okChatStream(): Response {
  return sseResponse([
    'data: {"choices":[{"index":0,"delta":{"content":"ok"},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n',
  ]);
}

interface InteractionMeta {
  status: { code: number; message: string };
  response_headers: { [name: string]: string[] };
  response_file: string;
}

/**
 * The recorded answer of a pydantic-ai interaction (`<dir>/<test>.<i>.meta.json`): its status, status text,
 * content type and body, served byte for byte.
 */
export function recordedInteraction(metaFile: string): Response {
  const meta = readJsonFixture<InteractionMeta>(metaFile);
  const body = readFixture(metaFile.replace(/[^/]+$/, meta.response_file));
  const contentType = meta.response_headers['content-type']?.[0] ?? 'application/json';
  return new Response(body as Uint8Array<ArrayBuffer>, {
    status: meta.status.code,
    statusText: meta.status.message,
    headers: { 'content-type': contentType },
  });
}
