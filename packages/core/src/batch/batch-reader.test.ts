import { describe, expect, it } from 'vitest';
import type { CallOptions } from '../call-options.js';
import { CompletionError } from '../errors/completion-error.js';
import type { BatchSnapshot } from './batch-provider.js';
import { batchReader, type BatchTransport } from './batch-reader.js';

function recordingTransport(answer: unknown): BatchTransport & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  return {
    calls,
    requestJson(method: string, path: string, body?: unknown, options?: CallOptions) {
      calls.push([method, path, body, options]);
      return Promise.resolve({ body: answer });
    },
  };
}

const mapBatch = (body: unknown): BatchSnapshot => {
  const { id } = body as { id: { length: number } };
  return {
    status: 'in-progress',
    rawStatus: `seen ${id.length}`,
    counts: { total: 0, succeeded: 0, failed: 0 },
    raw: body,
  };
};

describe('batchReader', () => {
  it('sends the request as given and reads the answer with map', async () => {
    const transport = recordingTransport({ id: 'abc' });
    const options = { maxRetries: 0 };
    const snapshot = await batchReader(mapBatch, 'Acme sent a batch')(transport, 'POST', '/batches', options, {
      input: 1,
    });
    expect(transport.calls).toEqual([['POST', '/batches', { input: 1 }, options]]);
    expect(snapshot).toEqual({
      status: 'in-progress',
      rawStatus: 'seen 3',
      counts: { total: 0, succeeded: 0, failed: 0 },
      raw: { id: 'abc' },
    });
  });

  it('sends no body unless given one', async () => {
    const transport = recordingTransport({ id: 'abc' });
    await batchReader(mapBatch, 'Acme sent a batch')(transport, 'GET', '/batches/abc', {});
    expect(transport.calls).toEqual([['GET', '/batches/abc', undefined, {}]]);
  });

  it('turns a TypeError of map into a malformed response error saying what, keeping the cause', async () => {
    const read = batchReader(mapBatch, 'Acme sent a batch');
    const error = await read(recordingTransport({}), 'GET', '/batches/abc', {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CompletionError);
    expect(error).toMatchObject({ kind: 'response', reason: 'malformed' });
    expect((error as Error).message).toMatch(/^Acme sent a batch that rig-ts cannot read: /);
    expect((error as Error).cause).toBeInstanceOf(TypeError);
  });

  it('lets a rig-ts error of map through as it is', async () => {
    const thrown = new CompletionError({ kind: 'response', reason: 'malformed', message: 'not a batch' });
    const read = batchReader(() => {
      throw thrown;
    }, 'Acme sent a batch');
    await expect(read(recordingTransport({}), 'GET', '/batches/abc', {})).rejects.toBe(thrown);
  });
});
