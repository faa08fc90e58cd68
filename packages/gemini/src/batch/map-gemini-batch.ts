import { CompletionError } from '@rig-ts/core';
import { malformedBatchObject, type BatchCounts, type BatchSnapshot, type BatchStatus } from '@rig-ts/core/batch';
import type { GeminiBatchOperation, GeminiBatchStats } from './gemini-batch-api-types.js';

// REST `BATCH_STATE_*` values, and the `JOB_STATE_*` names the SDKs and the guide use for the same states.
const STATES = new Map<string, BatchStatus>([
  ['PENDING', 'validating'],
  ['QUEUED', 'validating'],
  ['RUNNING', 'in-progress'],
  ['UPDATING', 'in-progress'],
  ['PAUSED', 'in-progress'],
  ['SUCCEEDED', 'completed'],
  ['PARTIALLY_SUCCEEDED', 'completed'],
  ['FAILED', 'failed'],
  ['CANCELLING', 'cancelling'],
  ['CANCELLED', 'cancelled'],
  ['EXPIRED', 'expired'],
]);

// gRPC code 1: what a cancelled operation's `error.code` is.
const CANCELLED_CODE = 1;

function count(value: unknown): number {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : 0;
  return typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : 0;
}

function counts(stats: GeminiBatchStats | undefined): BatchCounts {
  return {
    total: count(stats?.requestCount),
    succeeded: count(stats?.successfulRequestCount),
    failed: count(stats?.failedRequestCount),
  };
}

function status(operation: GeminiBatchOperation, state: string): BatchStatus {
  const mapped = STATES.get(state.replace(/^(BATCH|JOB)_STATE_/, '')) ?? 'in-progress';
  if (
    operation.done !== true ||
    mapped === 'completed' ||
    mapped === 'failed' ||
    mapped === 'expired' ||
    mapped === 'cancelled'
  )
    return mapped;
  // A finished operation whose state says otherwise: its error decides.
  if (operation.error === undefined) return 'completed';
  return operation.error.code === CANCELLED_CODE ? 'cancelled' : 'failed';
}

/**
 * A Gemini batch Operation → the batch's normalized state: `state` (`BATCH_STATE_*` or `JOB_STATE_*`; unknown values
 * count as `in-progress`), counts from `batchStats` (int64 strings), and for a failed batch the Operation's error.
 * @throws {CompletionError} of kind `response` when the body is not a batch Operation.
 */
export function mapGeminiBatch(body: unknown): BatchSnapshot {
  const operation = body as GeminiBatchOperation;
  if (
    typeof body !== 'object' ||
    body === null ||
    typeof operation.name !== 'string' ||
    (operation.metadata !== undefined && (typeof operation.metadata !== 'object' || operation.metadata === null))
  ) {
    throw malformedBatchObject('Gemini', 'a batch operation', body);
  }
  const state = typeof operation.metadata?.state === 'string' ? operation.metadata.state : 'BATCH_STATE_UNSPECIFIED';
  const snapshot: BatchSnapshot = {
    status: status(operation, state),
    rawStatus: state,
    counts: counts(operation.metadata?.batchStats),
    raw: operation,
  };
  if (snapshot.status === 'failed') {
    const error = operation.error;
    snapshot.error = new CompletionError({
      kind: 'provider',
      message: `Gemini batch ${operation.name} failed: ${error?.message ?? 'no reason given'}`,
      providerError: {
        ...(error?.message === undefined ? {} : { message: error.message }),
        ...(error?.code === undefined ? {} : { code: error.code }),
        ...(error?.status === undefined ? {} : { type: error.status }),
      },
    });
  }
  return snapshot;
}
