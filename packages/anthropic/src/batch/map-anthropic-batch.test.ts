import { describe, expect, it } from 'vitest';
import { mapAnthropicBatch } from './map-anthropic-batch.js';
import { createdMessageBatch } from './test-utils/anthropic-batch-server.js';

const counts = (processing: number, succeeded: number, errored: number, canceled: number, expired: number) => ({
  processing,
  succeeded,
  errored,
  canceled,
  expired,
});

describe('mapAnthropicBatch', () => {
  it.each([
    ['in_progress', null, counts(3, 0, 0, 0, 0), 'in-progress', { total: 3, succeeded: 0, failed: 0 }],
    ['canceling', '2024-09-24T18:39:03Z', counts(3, 0, 0, 0, 0), 'cancelling', { total: 3, succeeded: 0, failed: 0 }],
    ['ended', null, counts(0, 2, 1, 0, 0), 'completed', { total: 3, succeeded: 2, failed: 1 }],
    ['ended', null, counts(0, 1, 0, 0, 2), 'completed', { total: 3, succeeded: 1, failed: 2 }],
    ['ended', null, counts(0, 0, 0, 0, 3), 'expired', { total: 3, succeeded: 0, failed: 3 }],
    ['ended', '2024-09-24T18:39:03Z', counts(0, 1, 0, 2, 0), 'cancelled', { total: 3, succeeded: 1, failed: 2 }],
    ['ended', '2024-09-24T18:39:03Z', counts(0, 3, 0, 0, 0), 'cancelled', { total: 3, succeeded: 3, failed: 0 }],
    ['ended', null, counts(0, 0, 0, 0, 0), 'completed', { total: 0, succeeded: 0, failed: 0 }],
    ['archived_someday', null, counts(0, 3, 0, 0, 0), 'in-progress', { total: 3, succeeded: 3, failed: 0 }],
  ] as const)(
    '%s (cancel %s) with %j is %s',
    (processingStatus, cancelInitiatedAt, requestCounts, status, expected) => {
      const batch = {
        ...createdMessageBatch(0),
        processing_status: processingStatus,
        cancel_initiated_at: cancelInitiatedAt,
        request_counts: requestCounts,
      };
      expect(mapAnthropicBatch(batch)).toEqual({ status, rawStatus: processingStatus, counts: expected, raw: batch });
    },
  );

  it('reads counts that are not non-negative integers as 0', () => {
    const batch = {
      ...createdMessageBatch(0),
      request_counts: { processing: -1, succeeded: '2', errored: 1.5, canceled: null, expired: Number.NaN },
    };
    expect(mapAnthropicBatch(batch).counts).toEqual({ total: 0, succeeded: 0, failed: 0 });
  });

  it.each([null, [], { id: 'msgbatch_1' }, { processing_status: 'ended' }])('refuses %j', (body) => {
    expect(() => mapAnthropicBatch(body)).toThrow(expect.objectContaining({ kind: 'response', reason: 'malformed' }));
  });
});
