import { CompletionError, PromptError, RigError, StructuredOutputError } from '@rig-ts/core';
import { describe, expect, it } from 'vitest';
import { errorTypeOf } from './error-type-of.js';

const http429 = new CompletionError({
  kind: 'http',
  message: 'OpenAI answered POST http://x/v1/responses with HTTP 429: slow down',
  status: 429,
});

describe('errorTypeOf', () => {
  it.each<[string, unknown, string]>([
    ['an HTTP status', http429, '429'],
    ['a 5xx', new CompletionError({ kind: 'http', message: 'HTTP 529', status: 529 }), '529'],
    [
      'the call time limit',
      new CompletionError({ kind: 'http', message: 'OpenAI call POST http://x timed out after 10 ms (timeoutMs)' }),
      'timeout',
    ],
    [
      'the stream idle limit',
      new CompletionError({
        kind: 'http',
        message: 'stream idle timeout: no data from the provider for 5 ms (idleTimeoutMs)',
      }),
      'timeout',
    ],
    [
      'a network failure',
      new CompletionError({ kind: 'http', message: 'OpenAI call POST http://x failed: fetch failed' }),
      'CompletionError.Http',
    ],
    [
      'a provider error code',
      new CompletionError({
        kind: 'provider',
        message: 'x',
        providerError: { code: 'rate_limit_exceeded', type: 'requests' },
      }),
      'rate_limit_exceeded',
    ],
    [
      'a provider error type',
      new CompletionError({ kind: 'provider', message: 'x', providerError: { type: 'overloaded_error' } }),
      'overloaded_error',
    ],
    [
      'a provider error without code',
      new CompletionError({ kind: 'provider', message: 'x' }),
      'CompletionError.Provider',
    ],
    [
      'a truncated stream',
      new CompletionError({ kind: 'response', reason: 'truncated', message: 'x' }),
      'CompletionError.Response',
    ],
    ['an invalid request', new CompletionError({ kind: 'request', message: 'x' }), 'CompletionError.Request'],
    ['a body that is not JSON', new CompletionError({ kind: 'json', message: 'x' }), 'CompletionError.Json'],
    [
      'a PromptError around a CompletionError',
      new PromptError({ kind: 'completion', message: 'x', cause: http429 }),
      '429',
    ],
    ['a cancelled PromptError', new PromptError({ kind: 'cancelled', message: 'x' }), 'cancelled'],
    [
      'max turns',
      new PromptError({ kind: 'max-turns', message: 'x', maxTurns: 2, history: [] }),
      'PromptError.MaxTurns',
    ],
    [
      'typed output around a completion error',
      new StructuredOutputError({ kind: 'completion', message: 'x', cause: http429 }),
      '429',
    ],
    [
      'typed output that failed validation',
      new StructuredOutputError({ kind: 'validation', message: 'x', rawText: '{}', value: {}, errors: [] }),
      'StructuredOutputError.Validation',
    ],
    ['an AbortError', new DOMException('The stream was cancelled', 'AbortError'), 'cancelled'],
    ['a plain rig-ts error (named Error)', new RigError({ message: 'this stream is already being consumed' }), 'Error'],
    ['a TypeError', new TypeError('x is not a function'), 'TypeError'],
    ['a string', 'boom', '_OTHER'],
    ['undefined', undefined, '_OTHER'],
  ])('%s', (_label, error, expected) => {
    expect(errorTypeOf(error)).toBe(expected);
  });

  it("is `cancelled` for the caller's own abort reason, whatever it is", () => {
    const controller = new AbortController();
    const reason = new Error('user pressed stop');
    controller.abort(reason);
    expect(errorTypeOf(reason, controller.signal)).toBe('cancelled');
    expect(errorTypeOf(new Error('other'), controller.signal)).toBe('Error');
  });
});
