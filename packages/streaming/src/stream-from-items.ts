import type { StreamedAssistantContent } from '@rig-ts/core';
import { ItemStreamSource, type ItemStreamSourceOptions } from './item-stream-source.js';
import { StreamingResponse } from './streaming-response.js';

/**
 * A `StreamingCompletionResponse` over any async source of items — how an agent run and `fallback()` stream: the
 * same single reader, lazy `final`, `usage()`, `cancel()` and `toReadableStream()` as a provider's stream. The items
 * are passed on as they come; the stream completes when the source ends, with the `response` of the last `final`
 * item (a source that ends without one fails as `truncated`). Whatever the source throws ends the stream with that
 * error, as it is.
 *
 * @example
 * const stream = streamFromItems(run(), { onAbort: (reason) => controller.abort(reason) });
 */
export function streamFromItems<Raw = unknown>(
  items: AsyncIterable<StreamedAssistantContent<Raw>> | AsyncIterator<StreamedAssistantContent<Raw>>,
  options: ItemStreamSourceOptions = {},
): StreamingResponse<Raw> {
  const iterator = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items;
  return new StreamingResponse(new ItemStreamSource(iterator, options));
}
