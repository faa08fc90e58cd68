import type { CompletionRequest } from '../completion-request.js';
import type { CompletionResponse } from '../completion-response.js';
import type { CompletionError } from '../errors/completion-error.js';

/** One request of a batch: the id its result will carry, and the request (`model.completionRequest(…).build()`). */
export interface BatchEntry {
  /** Unique in the batch; the provider may restrict it further (Anthropic: 1–64 of `a-z A-Z 0-9 _ -`). */
  id: string;
  request: CompletionRequest;
}

/** How many requests a batch holds, and how many have ended each way so far (some providers count only at the end). */
export interface BatchCounts {
  total: number;
  succeeded: number;
  /** Requests that ended without a response: failed, and (where the provider reports them) cancelled or expired. */
  failed: number;
}

/**
 * The result of one request of a batch, tied to it by `id`: the response, exactly what the same request sent alone
 * gives, or the `CompletionError` it ended with.
 */
export type BatchResult<Raw = unknown> =
  { ok: true; id: string; response: CompletionResponse<Raw> } | { ok: false; id: string; error: CompletionError };
