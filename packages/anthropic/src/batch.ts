// The @rig-ts/anthropic/batch entry: Anthropic's Message Batches behind rig-ts's batch job. Apps that never submit a
// batch do not import it, so their bundles carry none of it.
export { ANTHROPIC_BATCH_LIMITS, getBatch, submitBatch } from './batch/anthropic-batch.js';
export type { AnthropicGetBatchOptions, AnthropicSubmitBatchOptions } from './batch/anthropic-batch.js';
export { BATCH_WAIT_DEFAULTS } from '@rig-ts/core/batch';
export type { BatchCounts, BatchEntry, BatchJob, BatchResult, BatchStatus, BatchWaitOptions } from '@rig-ts/core/batch';
