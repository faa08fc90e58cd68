import type { BatchResult } from '@rig-ts/core/batch';

/** What {@link collectBatchResults} read: the results in order, and the error that ended them early, if any. */
export interface CollectedBatchResults<Raw> {
  results: BatchResult<Raw>[];
  /** The error the iterator threw after `results`; `undefined` when it ended normally. */
  error: unknown;
}

/** Reads a batch's results to their end, keeping the ones read before an error and the error itself. */
export async function collectBatchResults<Raw>(
  results: AsyncIterable<BatchResult<Raw>>,
): Promise<CollectedBatchResults<Raw>> {
  const seen: BatchResult<Raw>[] = [];
  try {
    for await (const result of results) seen.push(result);
    return { results: seen, error: undefined };
  } catch (error) {
    return { results: seen, error };
  }
}
