import type { CallOptions, StreamingCompletionResponse } from '@rig-ts/core';
import type { PreparedRequest } from '@rig-ts/core/internal';
import type { StreamFormat } from './http-stream-source.js';
import type { StreamAdapter } from './stream-adapter.js';
import type { StreamTransport } from './stream-transport.js';
import { createStreamingResponse } from './streaming-response.js';

/** What {@link postCompletionStream} needs of a transport: the shape of `@rig-ts/http`'s `HttpTransport.postStream`. */
export interface StreamPoster {
  postStream(
    path: string,
    body: unknown,
    options?: CallOptions,
    streamOptions?: { contentTypes?: readonly string[] },
  ): Promise<StreamTransport>;
}

/** How {@link postCompletionStream} reads the streamed answer. */
export interface CompletionStreamReading<Raw> {
  /** How the body is framed. */
  format: StreamFormat;
  /** Makes the adapter of this stream, given the provider's request id when it sent one. */
  adapter: (requestId: string | undefined) => StreamAdapter<Raw>;
  /** Content types the stream may have; another one fails the call. @default ['text/event-stream'] */
  contentTypes?: readonly string[];
}

/**
 * The streamed half of a provider model: posts `prepared.body` to `path` through `transport` and, once the status and
 * headers are in, returns the stream of the answer (`createStreamingResponse`), the request's warnings on its final
 * response.
 * @throws {CompletionError} what the transport throws before the stream starts.
 */
export async function postCompletionStream<Raw>(
  transport: StreamPoster,
  path: string,
  prepared: PreparedRequest,
  options: CallOptions | undefined,
  reading: CompletionStreamReading<Raw>,
): Promise<StreamingCompletionResponse<Raw>> {
  const call = await transport.postStream(
    path,
    prepared.body,
    options,
    reading.contentTypes === undefined ? {} : { contentTypes: reading.contentTypes },
  );
  return createStreamingResponse(call, reading.format, reading.adapter(call.requestId), prepared.warnings);
}
