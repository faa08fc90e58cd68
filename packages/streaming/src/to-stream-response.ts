import type { StreamingCompletionResponse } from '@rig-ts/core';
import { encodeStreamWire, type StreamWireOptions } from './encode-stream-wire.js';
import { STREAM_WIRE_CONTENT_TYPE, type PartialValueStream } from './stream-wire.js';

/** Options of {@link toStreamResponse}: the wire's, plus the `Response`'s status and extra headers. */
export interface ToStreamResponseOptions extends StreamWireOptions {
  /** @default 200 */
  status?: number;
  /** Headers added to (or replacing) the stream's own. @default none */
  headers?: HeadersInit;
}

/** The headers of a rig-ts stream: an event stream that no cache or proxy may store, transform or buffer. */
export const STREAM_RESPONSE_HEADERS: { readonly [name: string]: string } = {
  'content-type': STREAM_WIRE_CONTENT_TYPE,
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
};

/**
 * A stream as a web `Response` of server-sent events in the rig-ts stream wire (see the package README), for any
 * server built on `Request` / `Response` (Node's and Bun's `fetch` handlers, Deno, edge runtimes, Next.js route
 * handlers). The stream is read as the browser reads; when the browser goes away the body is cancelled, which cancels
 * the stream and aborts the provider call. The API key never leaves the server: errors cross as their kind and a safe
 * message, and the provider's raw response only when `sendRawResponse` asks for it.
 *
 * @example
 * export async function POST(request: Request) {
 *   const { prompt } = await request.json();
 *   return toStreamResponse(await agent.streamPrompt(prompt, { signal: request.signal }));
 * }
 */
export function toStreamResponse(
  stream: StreamingCompletionResponse | PartialValueStream,
  options: ToStreamResponseOptions = {},
): Response {
  try {
    const headers = new Headers(STREAM_RESPONSE_HEADERS);
    new Headers(options.headers).forEach((value, name) => headers.set(name, value));
    return new Response(encodeStreamWire(stream, options), { status: options.status ?? 200, headers });
  } catch (error) {
    // An invalid header or status: no response will read the stream, so it is cancelled (the provider call stops).
    stream.cancel(error);
    throw error;
  }
}
