import { readTextFixture } from '@rig-ts/fixtures';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mapOpenAIBatch } from './map-openai-batch.js';
import { createdBatch } from './test-utils/openai-batch-server.js';

const batch = (fields: object) => ({ ...createdBatch('file-1', '/v1/responses', null), ...fields });

// The statuses OpenAI's spec lists for a batch: each is read as core's word of the same name.
const specStatuses = (
  parse(readTextFixture('openai/spec/openapi.yaml')) as {
    components: { schemas: { Batch: { properties: { status: { enum: string[] } } } } };
  }
).components.schemas.Batch.properties.status.enum;

describe('mapOpenAIBatch', () => {
  it('reads the statuses from the spec', () => {
    expect(specStatuses).toHaveLength(8);
  });

  it.each(specStatuses)('maps status %s to the same word, keeping the raw word', (raw) => {
    expect(mapOpenAIBatch(batch({ status: raw }))).toMatchObject({ status: raw.replace('_', '-'), rawStatus: raw });
  });

  it.each(['queued_somewhere_new', 'constructor'])('reads an unknown status %s as in-progress', (raw) => {
    expect(mapOpenAIBatch(batch({ status: raw }))).toMatchObject({ status: 'in-progress', rawStatus: raw });
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
