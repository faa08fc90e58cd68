import type { CompletionResponse } from './completion-response.js';
import type { GetTokenUsage } from './get-token-usage.js';
import type { StreamedAssistantContent } from './streamed-assistant-content.js';

/**
 * A streamed completion. Iterate it once (directly, through `textStream`, or through `toReadableStream()`);
 * a second concurrent consumer gets an error. A transport failure, a malformed frame or a stream that ends without
 * the provider's end event makes the iteration throw a `CompletionError`; nothing is reported as success that was not.
 */
export interface StreamingCompletionResponse<Raw = unknown>
  extends AsyncIterable<StreamedAssistantContent<Raw>>, GetTokenUsage {
  /** The text deltas only. */
  readonly textStream: AsyncIterable<string>;
  /** The aggregated response. Awaiting it alone consumes the stream. */
  readonly final: Promise<CompletionResponse<Raw>>;
  /** The provider's request id, when it sent one. */
  readonly requestId: string | undefined;
  /** The usage once the stream has finished, else `undefined`. */
  usage(): CompletionResponse<Raw>['usage'] | undefined;
  /** Stops the stream and releases the connection; iteration ends without error. */
  cancel(reason?: unknown): void;
  /** The items as a WHATWG `ReadableStream` (for `Response` bodies, web workers, UI frameworks). */
  toReadableStream(): ReadableStream<StreamedAssistantContent<Raw>>;
}
