import type { StreamingCompletionResponse } from '@rig-ts/core';
import { encodeStreamWire, type StreamWireOptions } from './encode-stream-wire.js';
import type { PartialValueStream } from './stream-wire.js';
import { STREAM_RESPONSE_HEADERS } from './to-stream-response.js';

/** What {@link pipeToNodeResponse} needs of a `node:http` `ServerResponse` (Express's `res` is one). */
export interface NodeResponseLike {
  readonly headersSent?: boolean;
  readonly writableEnded?: boolean;
  writeHead(status: number, headers: { [name: string]: string }): unknown;
  write(chunk: Uint8Array): boolean;
  end(): unknown;
  on(event: 'drain' | 'close' | 'error', listener: () => void): unknown;
  off(event: 'drain' | 'close' | 'error', listener: () => void): unknown;
}

/** Options of {@link pipeToNodeResponse}. */
export interface PipeToNodeResponseOptions extends StreamWireOptions {
  /** @default 200 */
  status?: number;
  /** Headers added to (or replacing) the stream's own. @default none */
  headers?: { [name: string]: string };
}

/**
 * Writes a stream to a `node:http` / Express response in the rig-ts stream wire (as {@link toStreamResponse} does for
 * a web `Response`), with backpressure: when `res.write` returns false, nothing more is read from the stream until the
 * socket drains. When the client goes away before the end (`close`), the stream is cancelled, which aborts the
 * provider call. Resolves once the response has ended, either way. Rejects only when the response head cannot be written
 * (an invalid header in `headers`), after cancelling the stream: the response is then the caller's to answer.
 *
 * @example
 * app.post('/api/chat', async (req, res) => {
 *   await pipeToNodeResponse(await agent.streamPrompt(req.body.prompt), res);
 * });
 */
export async function pipeToNodeResponse(
  stream: StreamingCompletionResponse | PartialValueStream,
  response: NodeResponseLike,
  options: PipeToNodeResponseOptions = {},
): Promise<void> {
  const reader = encodeStreamWire(stream, options).getReader();
  let closed = false;
  let wake: (() => void) | undefined;
  // The client went away: cancel at once, even while waiting for the provider's next item.
  const onClose = (): void => {
    if (closed) return;
    closed = true;
    reader.cancel(new DOMException('the client closed the connection', 'AbortError')).catch(() => undefined);
    wake?.();
  };
  const onDrain = (): void => wake?.();
  // A socket error is followed by `close`; listening keeps it from being thrown as unhandled.
  const onError = (): void => onClose();
  response.on('close', onClose);
  response.on('drain', onDrain);
  response.on('error', onError);
  try {
    if (response.writableEnded) onClose();
    else if (!response.headersSent)
      response.writeHead(options.status ?? 200, { ...STREAM_RESPONSE_HEADERS, ...options.headers });
    for (;;) {
      const { done, value } = await reader.read();
      if (done || closed) break;
      if (!response.write(value)) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
    closed = true;
    if (!response.writableEnded) response.end();
  } catch (error) {
    // The response failed (a head with an invalid header, a write that throws): the stream is cancelled, which aborts
    // the provider call. A head never sent is the caller's to answer, so that error is theirs; after it, the response
    // is ended as well as it can be.
    closed = true;
    await reader.cancel(error).catch(() => undefined);
    if (!response.headersSent) throw error;
    try {
      if (!response.writableEnded) response.end();
    } catch {
      // The socket is gone: nothing more to end.
    }
  } finally {
    response.off('close', onClose);
    response.off('drain', onDrain);
    response.off('error', onError);
  }
}
