import { CompletionError } from '@rig-ts/core';
import { malformedBatchObject, type BatchCounts, type BatchSnapshot, type BatchStatus } from '@rig-ts/core/batch';
import type { OpenAIBatch } from './openai-batch-api-types.js';

const STATUSES = new Map<string, BatchStatus>([
  ['validating', 'validating'],
  ['in_progress', 'in-progress'],
  ['finalizing', 'finalizing'],
  ['completed', 'completed'],
  ['failed', 'failed'],
  ['expired', 'expired'],
  ['cancelling', 'cancelling'],
  ['cancelled', 'cancelled'],
]);

function count(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0;
}

function counts(batch: OpenAIBatch): BatchCounts {
  const requestCounts = batch.request_counts;
  return {
    total: count(requestCounts?.total),
    succeeded: count(requestCounts?.completed),
    failed: count(requestCounts?.failed),
  };
}

function failure(batch: OpenAIBatch): CompletionError {
  const errors = batch.errors?.data ?? [];
  const first = errors[0];
  const where = first?.line === undefined || first.line === null ? '' : `line ${first.line}: `;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more errors)` : '';
  const providerError: { code?: string; message?: string; param?: string } = {};
  if (first?.code) providerError.code = first.code;
  if (first?.message) providerError.message = first.message;
  if (first?.param) providerError.param = first.param;
  return new CompletionError({
    kind: 'provider',
    message: `OpenAI batch ${batch.id} failed: ${first === undefined ? 'no reason given' : `${where}${first.message ?? first.code ?? 'no message'}`}${more}`,
    providerError,
  });
}

/**
 * An OpenAI Batch object → the batch's normalized state: its status (`in_progress` → `in-progress`; an unknown status
 * counts as `in-progress`, so polling goes on), counts (`completed` → `succeeded`), and for a `failed` batch the
 * validation errors as a `provider` error.
 * @throws {CompletionError} of kind `response` when the body is not a Batch object.
 */
export function mapOpenAIBatch(body: unknown): BatchSnapshot {
  const batch = body as OpenAIBatch;
  if (typeof body !== 'object' || body === null || typeof batch.id !== 'string' || typeof batch.status !== 'string') {
    throw malformedBatchObject('OpenAI', 'a Batch object', body);
  }
  const status = STATUSES.get(batch.status) ?? 'in-progress';
  const snapshot: BatchSnapshot = { status, rawStatus: batch.status, counts: counts(batch), raw: batch };
  if (status === 'failed') snapshot.error = failure(batch);
  return snapshot;
}
