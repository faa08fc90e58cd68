import { describe, expect, it } from 'vitest';
import { CompletionError } from './errors/completion-error.js';
import { readResponse, unreadableResponse } from './unreadable-response.js';

describe('unreadableResponse', () => {
  it('turns what a parser threw on an odd body into a malformed response error, keeping the cause', () => {
    let cause: unknown;
    try {
      (null as unknown as { candidates: unknown }).candidates;
    } catch (error) {
      cause = error;
    }
    const error = unreadableResponse(cause, 'Gemini sent a response');
    expect(CompletionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      name: 'CompletionError.Response',
      kind: 'response',
      reason: 'malformed',
      isRetryable: false,
      message: "Gemini sent a response that rig-ts cannot read: Cannot read properties of null (reading 'candidates')",
    });
    expect((error as Error).cause).toBe(cause);
  });

  it('lets rig-ts errors through untouched', () => {
    const provider = new CompletionError({ kind: 'provider', message: 'overloaded' });
    expect(unreadableResponse(provider, 'x')).toBe(provider);
    expect(() =>
      readResponse(() => {
        throw provider;
      }, 'x'),
    ).toThrow(provider);
  });

  it('returns what the parser returns', () => {
    expect(readResponse(() => 42, 'x')).toBe(42);
    expect(() => readResponse(() => JSON.parse('{') as unknown, 'OpenAI sent a response')).toThrow(
      /^OpenAI sent a response that rig-ts cannot read: /,
    );
  });

  it('bounds what readResponse throws: a 5 MB message gives a 500-character one, the body 64 KiB', () => {
    const huge = new CompletionError({
      kind: 'provider',
      message: `OpenAI reported an error: ${'x'.repeat(5_000_000)}`,
    });
    let error: unknown;
    try {
      readResponse(() => {
        throw huge;
      }, 'OpenAI sent a response');
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ name: 'CompletionError.Provider', kind: 'provider' });
    expect((error as Error).message).toHaveLength(501);
    expect(unreadableResponse(huge, 'x')).toBe(huge);
  });
});
