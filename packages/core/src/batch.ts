// The @rig-ts/core/batch entry: what the providers' batch entry points share. It is its own entry so that an app
// that never submits a batch bundles none of it.
export { BATCH_END_STATUSES, isBatchEnded } from './batch/batch-status.js';
export type { BatchStatus } from './batch/batch-status.js';
export type { BatchCounts, BatchEntry, BatchResult } from './batch/batch-result.js';
export type { BatchProvider, BatchSnapshot } from './batch/batch-provider.js';
export { BATCH_WAIT_DEFAULTS, createBatchJob } from './batch/batch-job.js';
export type { BatchJob, BatchWaitOptions } from './batch/batch-job.js';
export { validateBatchEntries } from './batch/validate-batch-entries.js';
export type { BatchEntryRules } from './batch/validate-batch-entries.js';
export { atBatchEntry } from './batch/at-batch-entry.js';
export { validateBatchId } from './batch/validate-batch-id.js';
export { batchReader } from './batch/batch-reader.js';
export type { BatchReader, BatchTransport } from './batch/batch-reader.js';
export { malformedBatchObject, malformedBatchResult } from './batch/malformed-batch-result.js';
export { unsentMetadataWarnings } from './batch/unsent-metadata-warnings.js';
