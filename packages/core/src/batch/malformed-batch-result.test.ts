import { describe, expect, it } from 'vitest';
import { CompletionError } from '../errors/completion-error.js';
import { malformedBatchObject, malformedBatchResult } from './malformed-batch-result.js';

describe('malformedBatchResult', () => {
  it('is a malformed response error with the result as its body', () => {
    const error = malformedBatchResult('Acme sent a batch result line without an id', { result: { ok: 1 } });
    expect(error).toBeInstanceOf(CompletionError);
    expect(error).toMatchObject({
      kind: 'response',
      reason: 'malformed',
      message: 'Acme sent a batch result line without an id',
      body: '{"result":{"ok":1}}',
    });
  });

  it('cuts the body to 64 KiB, and has none for a result JSON cannot write', () => {
    expect(malformedBatchResult('long', { text: 'x'.repeat(70_000) })).toMatchObject({
      body: expect.stringMatching(/^\{"text":"x{65527}$/),
    });
    expect('body' in malformedBatchResult('nothing', undefined)).toBe(false);
  });
});

describe('malformedBatchObject', () => {
  it('is a malformed response error quoting the first 200 characters of the answer', () => {
    const error = malformedBatchObject('Acme', 'a batch', { id: 7, note: 'x'.repeat(300) });
    expect(error).toBeInstanceOf(CompletionError);
    expect(error).toMatchObject({
      kind: 'response',
      reason: 'malformed',
      message: `Acme answered with something that is not a batch: {"id":7,"note":"${'x'.repeat(184)}`,
    });
    expect('body' in error).toBe(false);
    expect(malformedBatchObject('Acme', 'a batch', null).message).toBe(
      'Acme answered with something that is not a batch: null',
    );
  });
});
