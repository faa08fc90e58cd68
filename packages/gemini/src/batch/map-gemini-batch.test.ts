import { describe, expect, it } from 'vitest';
import { mapGeminiBatch } from './map-gemini-batch.js';

const operation = (state: string | undefined, extra: object = {}) => ({
  name: 'batches/1',
  metadata: {
    state,
    batchStats: { requestCount: '4', successfulRequestCount: '3', failedRequestCount: '1', pendingRequestCount: '0' },
  },
  ...extra,
});

describe('mapGeminiBatch', () => {
  it.each([
    ['BATCH_STATE_PENDING', 'validating'],
    ['BATCH_STATE_RUNNING', 'in-progress'],
    ['BATCH_STATE_SUCCEEDED', 'completed'],
    ['BATCH_STATE_FAILED', 'failed'],
    ['BATCH_STATE_CANCELLED', 'cancelled'],
    ['BATCH_STATE_EXPIRED', 'expired'],
    ['BATCH_STATE_UNSPECIFIED', 'in-progress'],
    ['JOB_STATE_QUEUED', 'validating'],
    ['JOB_STATE_PENDING', 'validating'],
    ['JOB_STATE_RUNNING', 'in-progress'],
    ['JOB_STATE_SUCCEEDED', 'completed'],
    ['JOB_STATE_PARTIALLY_SUCCEEDED', 'completed'],
    ['JOB_STATE_CANCELLING', 'cancelling'],
    ['JOB_STATE_CANCELLED', 'cancelled'],
    ['JOB_STATE_EXPIRED', 'expired'],
    ['BATCH_STATE_SOMETHING_NEW', 'in-progress'],
  ])('maps %s to %s', (state, status) => {
    expect(mapGeminiBatch(operation(state))).toMatchObject({
      status,
      rawStatus: state,
      counts: { total: 4, succeeded: 3, failed: 1 },
    });
  });

  it('lets a done operation in a state that has not ended end by its error', () => {
    expect(mapGeminiBatch(operation('BATCH_STATE_RUNNING', { done: true })).status).toBe('completed');
    expect(
      mapGeminiBatch(operation('BATCH_STATE_RUNNING', { done: true, error: { code: 1, message: 'cancelled' } })).status,
    ).toBe('cancelled');
    expect(mapGeminiBatch(operation(undefined, { done: true, error: { code: 13, message: 'boom' } }))).toMatchObject({
      status: 'failed',
      rawStatus: 'BATCH_STATE_UNSPECIFIED',
      error: { message: 'Gemini batch batches/1 failed: boom' },
    });
  });

  it('reads counts as int64 strings or numbers; anything else is 0', () => {
    const stats = (batchStats: object) =>
      mapGeminiBatch({ name: 'batches/1', metadata: { state: 'BATCH_STATE_RUNNING', batchStats } }).counts;
    expect(stats({ requestCount: 5, successfulRequestCount: '2' })).toEqual({ total: 5, succeeded: 2, failed: 0 });
    expect(stats({ requestCount: '-1', successfulRequestCount: '1e3', failedRequestCount: '9'.repeat(20) })).toEqual({
      total: 0,
      succeeded: 0,
      failed: 0,
    });
  });

  it.each([null, [], {}, { name: 7 }, { name: 'batches/1', metadata: 'x' }])('refuses %j', (body) => {
    expect(() => mapGeminiBatch(body)).toThrow(expect.objectContaining({ kind: 'response', reason: 'malformed' }));
  });
});
