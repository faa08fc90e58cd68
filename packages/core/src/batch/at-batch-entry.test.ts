import { describe, expect, it } from 'vitest';
import { CompletionError, invalidRequest } from '../errors/completion-error.js';
import { atBatchEntry } from './at-batch-entry.js';
import { validateBatchId } from './validate-batch-id.js';

describe('atBatchEntry', () => {
  it('returns what build returns', () => {
    expect(atBatchEntry(0, () => 42)).toBe(42);
  });

  it('names the entry in a request error, keeping the original as cause', () => {
    const original = invalidRequest('a tool result must follow its tool call', 'chatHistory[2]');
    const caught = (() => {
      try {
        atBatchEntry(3, () => {
          throw original;
        });
      } catch (error) {
        return error;
      }
    })();
    expect(caught).toMatchObject({
      kind: 'request',
      path: 'entries[3].request.chatHistory[2]',
      message: 'entries[3]: a tool result must follow its tool call',
    });
    expect((caught as Error).cause).toBe(original);
    expect(() =>
      atBatchEntry(1, () => {
        throw invalidRequest('bad');
      }),
    ).toThrow(expect.objectContaining({ path: 'entries[1].request' }));
  });

  it('lets other errors through unchanged', () => {
    const other = new CompletionError({ kind: 'json', message: 'cannot serialize' });
    expect(() =>
      atBatchEntry(0, () => {
        throw other;
      }),
    ).toThrow(other);
    const plain = new TypeError('x');
    expect(() =>
      atBatchEntry(0, () => {
        throw plain;
      }),
    ).toThrow(plain);
  });
});

describe('validateBatchId', () => {
  it.each(['batch_abc123', 'msgbatch_013Zva2CMHLNnXjNJJKqJ2EF', 'abc-1.2'])('accepts %s', (id) => {
    expect(validateBatchId('OpenAI', id)).toBe(id);
  });

  it.each(['', '.', '..', '...', '../files', 'a/b', 'a b', 'a?x=1', 'a#b', 'x'.repeat(257), 7, undefined, null])(
    'refuses %j with a request error',
    (id) => {
      expect(() => validateBatchId('OpenAI', id)).toThrow(
        expect.objectContaining({
          kind: 'request',
          path: 'id',
          message: `${String(JSON.stringify(id))} is not a valid OpenAI batch id`,
        }),
      );
    },
  );
});
