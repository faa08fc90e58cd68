import type { CallOptions } from '../call-options.js';
import type { CompletionError } from '../errors/completion-error.js';
import type { BatchCounts, BatchResult } from './batch-result.js';
import type { BatchStatus } from './batch-status.js';

/** A batch as a provider last reported it, normalized. */
export interface BatchSnapshot {
  status: BatchStatus;
  /** The provider's own status word, unchanged (`in_progress`, `ended`, `BATCH_STATE_RUNNING`…). */
  rawStatus: string;
  counts: BatchCounts;
  /** The provider's batch object (OpenAI `Batch`, Anthropic `MessageBatch`, Gemini `Operation`). */
  raw: unknown;
  /** Why a `failed` batch failed, as the provider said it. */
  error?: CompletionError;
}

/**
 * What a provider's batch entry point gives {@link createBatchJob}: its batch endpoints. Each call takes the caller's
 * `CallOptions` (signal, headers, timeouts) and goes through the provider's transport (its retries included).
 */
export interface BatchProvider<Raw = unknown> {
  /** The provider's name, for messages (`OpenAI`). */
  readonly name: string;
  /** Reads the batch `id` now. */
  retrieve(id: string, options: CallOptions): Promise<BatchSnapshot>;
  /** Asks the provider to cancel batch `id`; resolves with the batch after the request. */
  cancel(id: string, options: CallOptions): Promise<BatchSnapshot>;
  /** The results of the ended batch `id`, streamed; `snapshot` is its latest state. */
  results(id: string, snapshot: BatchSnapshot, options: CallOptions): AsyncIterable<BatchResult<Raw>>;
}
