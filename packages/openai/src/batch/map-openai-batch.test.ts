import { describe, expect, it } from 'vitest';
import { mapOpenAIBatch } from './map-openai-batch.js';
import { createdBatch } from './test-utils/openai-batch-server.js';

const batch = (fields: object) => ({ ...createdBatch('file-1', '/v1/responses', null), ...fields });

describe('mapOpenAIBatch', () => {
  it.each([
    ['validating', 'validating'],
    ['in_progress', 'in-progress'],
    ['finalizing', 'finalizing'],
    ['completed', 'completed'],
    ['failed', 'failed'],
    ['expired', 'expired'],
    ['cancelling', 'cancelling'],
    ['cancelled', 'cancelled'],
    ['queued_somewhere_new', 'in-progress'],
    ['constructor', 'in-progress'],
  ])('maps status %s to %s, keeping the raw word', (raw, status) => {
    expect(mapOpenAIBatch(batch({ status: raw }))).toMatchObject({ status, rawStatus: raw });
  });

  it('maps request_counts, reading anything but non-negative integers as 0', () => {
    expect(mapOpenAIBatch(batch({ request_counts: { total: 100, completed: 95, failed: 5 } })).counts).toEqual({
      total: 100,
      succeeded: 95,
      failed: 5,
    });
    expect(mapOpenAIBatch(batch({ request_counts: { total: '100', completed: -1, failed: 1.5 } })).counts).toEqual({
      total: 0,
      succeeded: 0,
      failed: 0,
    });
    expect(mapOpenAIBatch(batch({ request_counts: null })).counts).toEqual({ total: 0, succeeded: 0, failed: 0 });
  });

  it('explains a failed batch, with or without errors', () => {
    expect(
      mapOpenAIBatch(
        batch({
          status: 'failed',
          errors: { object: 'list', data: [{ code: 'missing_model', message: null, param: 'body.model', line: null }] },
        }),
      ).error,
    ).toMatchObject({
      kind: 'provider',
      message: 'OpenAI batch batch_abc123 failed: missing_model',
      providerError: { code: 'missing_model', param: 'body.model' },
    });
    expect(mapOpenAIBatch(batch({ status: 'failed', errors: null })).error?.message).toBe(
      'OpenAI batch batch_abc123 failed: no reason given',
    );
    expect(mapOpenAIBatch(batch({ status: 'completed' })).error).toBeUndefined();
  });

  it.each([null, 'batch', [], {}, { id: 'batch_1' }, { id: 7, status: 'completed' }, { id: 'batch_1', status: 3 }])(
    'refuses %j with a malformed response error',
    (body) => {
      expect(() => mapOpenAIBatch(body)).toThrow(expect.objectContaining({ kind: 'response', reason: 'malformed' }));
    },
  );
});
