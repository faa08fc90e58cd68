// The @rig-ts/gemini/batch entry: the Gemini Batch API behind rig-ts's batch job. Apps that never submit a batch do
// not import it, so their bundles carry none of it.
export { GEMINI_BATCH_LIMITS, getBatch, submitBatch } from './batch/gemini-batch.js';
export type { GeminiSubmitBatchOptions } from './batch/gemini-batch.js';
export { BATCH_WAIT_DEFAULTS } from '@rig-ts/core/batch';
export type { BatchCounts, BatchEntry, BatchJob, BatchResult, BatchStatus, BatchWaitOptions } from '@rig-ts/core/batch';
