import { describe, expect, it } from 'vitest';
import { CompletionError } from './errors/completion-error.js';
import { readRequest } from './read-request.js';
import { requestError } from './test-utils/request-error.js';

describe('readRequest', () => {
  it('returns what building the request returns, and lets rig-ts errors through', () => {
    expect(readRequest(() => 42)).toBe(42);
    const invalid = new CompletionError({ kind: 'request', message: 'x' });
    expect(() =>
      readRequest(() => {
        throw invalid;
      }),
    ).toThrow(invalid);
  });

  it('turns anything else into a request error keeping the cause', () => {
    const cause = new TypeError("Cannot read properties of null (reading 'text')");
    const error = requestError(() =>
      readRequest(() => {
        throw cause;
      }),
    );
    expect(error).toMatchObject({
      name: 'CompletionError.Request',
      kind: 'request',
      isRetryable: false,
      message: "the request cannot be read: Cannot read properties of null (reading 'text')",
    });
    expect(error.cause).toBe(cause);
    expect(() =>
      readRequest(() => {
        throw 'odd';
      }),
    ).toThrow(expect.objectContaining({ kind: 'request', message: 'the request cannot be read: odd' }));
  });
});
