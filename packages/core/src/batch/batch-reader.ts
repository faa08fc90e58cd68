import type { CallOptions } from '../call-options.js';
import { readResponse } from '../unreadable-response.js';
import type { BatchSnapshot } from './batch-provider.js';

/** What reading batches needs of a provider's transport: JSON requests (`@rig-ts/http`'s `HttpTransport` is one). */
export interface BatchTransport {
  requestJson(method: string, path: string, body?: unknown, options?: CallOptions): Promise<{ readonly body: unknown }>;
}

/**
 * Sends `method` to `path` through `transport` (with `body`, when given) and reads the batch object it answers with.
 */
export type BatchReader = (
  transport: BatchTransport,
  method: 'GET' | 'POST',
  path: string,
  options: CallOptions,
  body?: unknown,
) => Promise<BatchSnapshot>;

/**
 * The {@link BatchReader} of a provider whose batch object `map` reads: a `TypeError` `map` throws becomes a malformed
 * `response` CompletionError saying `what` could not be read (`'OpenAI sent a batch'`).
 */
export function batchReader(map: (body: unknown) => BatchSnapshot, what: string): BatchReader {
  return async (transport, method, path, options, body) => {
    const answer = await transport.requestJson(method, path, body, options);
    return readResponse(() => map(answer.body), what);
  };
}
