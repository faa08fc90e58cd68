import { malformedBatchObject, type BatchSnapshot, type BatchStatus } from '@rig-ts/core/batch';
import type { AnthropicMessageBatch } from './anthropic-batch-api-types.js';

function count(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0;
}

/**
 * The status of a MessageBatch. Anthropic reports only `in_progress`, `canceling` and `ended`; an ended batch is
 * `cancelled` when a cancel was asked for, `expired` when every request expired (a partly expired batch is
 * `completed`, its expired requests failed results), else `completed`. An unknown status counts as `in-progress`.
 */
function status(batch: AnthropicMessageBatch, total: number, expired: number): BatchStatus {
  switch (batch.processing_status) {
    case 'canceling':
      return 'cancelling';
    case 'ended':
      if (typeof batch.cancel_initiated_at === 'string') return 'cancelled';
      return total > 0 && expired === total ? 'expired' : 'completed';
    default:
      return 'in-progress';
  }
}

/**
 * An Anthropic MessageBatch → the batch's normalized state. Counts: `total` is every request, `succeeded` the
 * succeeded ones, `failed` the errored, canceled and expired ones (Anthropic fills them in only once the batch ends).
 * @throws {CompletionError} of kind `response` when the body is not a MessageBatch.
 */
export function mapAnthropicBatch(body: unknown): BatchSnapshot {
  const batch = body as AnthropicMessageBatch;
  if (
    typeof body !== 'object' ||
    body === null ||
    typeof batch.id !== 'string' ||
    typeof batch.processing_status !== 'string'
  ) {
    throw malformedBatchObject('Anthropic', 'a message batch', body);
  }
  const counts = batch.request_counts;
  const [processing, succeeded, errored, canceled, expired] = [
    counts?.processing,
    counts?.succeeded,
    counts?.errored,
    counts?.canceled,
    counts?.expired,
  ].map(count) as [number, number, number, number, number];
  const total = processing + succeeded + errored + canceled + expired;
  return {
    status: status(batch, total, expired),
    rawStatus: batch.processing_status,
    counts: { total, succeeded, failed: errored + canceled + expired },
    raw: batch,
  };
}
