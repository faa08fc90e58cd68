import { StreamingResponse } from './streaming-response.js';
import { WireStreamSource, type ReadStreamResponseOptions } from './wire-stream-source.js';

/**
 * Reads a `Response` in the rig-ts stream wire (what `toStreamResponse` or `pipeToNodeResponse` sent) as the same
 * `StreamingCompletionResponse` a model returns: iterate it once for the items (text, reasoning, tool calls, an agent's
 * tool results), or `textStream` for the text; `final` is the same `CompletionResponse` with usage and finish reason,
 * complete at the final item even if the server holds the connection open; `cancel()` cancels the body, which aborts
 * the fetch and, on the server, the provider call. It fails as a provider stream does: a non-2xx answer is an `http`
 * `CompletionError` with its status, a cut connection an `http` one, a frame that is not JSON a `malformed` `response`
 * error, a body that ends early a `truncated` one; an error the server sent arrives as the same class and kind.
 *
 * @example
 * const stream = readStreamResponse(await fetch('/api/chat', { method: 'POST', body, signal }));
 * for await (const text of stream.textStream) render(text);
 * const { usage } = await stream.final;
 */
export function readStreamResponse<Raw = unknown>(
  response: Response,
  options: ReadStreamResponseOptions = {},
): StreamingResponse<Raw> {
  return new StreamingResponse(new WireStreamSource<Raw>(response, options));
}
