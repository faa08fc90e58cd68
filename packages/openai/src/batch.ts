// The @rig-ts/openai/batch entry: OpenAI's Batch API behind rig-ts's batch job. Apps that never submit a batch do not
// import it, so their bundles carry none of it.
export { OPENAI_BATCH_LIMITS, getBatch, submitBatch } from './batch/openai-batch.js';
export type { OpenAIBatchRaw, OpenAISubmitBatchOptions } from './batch/openai-batch.js';
export { BATCH_WAIT_DEFAULTS } from '@rig-ts/core/batch';
export type { BatchCounts, BatchEntry, BatchJob, BatchResult, BatchStatus, BatchWaitOptions } from '@rig-ts/core/batch';
