import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { CompletionError, invalidRequest, isRetryableStatus } from './completion-error.js';
import { PromptError } from './prompt-error.js';
import { RigError } from './rig-error.js';
import { StructuredOutputError } from './structured-output-error.js';

describe('CompletionError', () => {
  it('carries its kind, name, fields and cause', () => {
    const cause = new TypeError('fetch failed');
    const error = new CompletionError({
      kind: 'http',
      message: 'HTTP 429 from POST http://127.0.0.1/v1/responses: Rate limit reached',
      status: 429,
      headers: { 'retry-after': '1' },
      providerError: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' },
      requestId: 'req_1',
      attempts: 3,
      cause,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CompletionError.Http');
    expect(error.message).toBe('HTTP 429 from POST http://127.0.0.1/v1/responses: Rate limit reached');
    expect(error.cause).toBe(cause);
    expect(error.stack?.split('\n')[0]).toBe(
      'CompletionError.Http: HTTP 429 from POST http://127.0.0.1/v1/responses: Rate limit reached',
    );
    if (error.kind !== 'http') throw new Error('narrowing failed');
    expect(error.status).toBe(429);
    expect(error.attempts).toBe(3);
    expect(error.isRetryable).toBe(true);
  });

  it('decides retryability from the status', () => {
    const retryable = [408, 409, 429, 500, 502, 503, 504, 529].map((status) => isRetryableStatus(status));
    const final = [400, 401, 403, 404, 413, 422].map((status) => isRetryableStatus(status));
    expect(retryable.every(Boolean)).toBe(true);
    expect(final.some(Boolean)).toBe(false);
    expect(new CompletionError({ kind: 'http', message: 'x', status: 400 }).isRetryable).toBe(false);
    expect(new CompletionError({ kind: 'http', message: 'x', status: 503 }).isRetryable).toBe(true);
    expect(new CompletionError({ kind: 'http', message: 'network' }).isRetryable).toBe(true);
    expect(new CompletionError({ kind: 'http', message: 'x', status: 503, isRetryable: false }).isRetryable).toBe(
      false,
    );
    expect(new CompletionError({ kind: 'response', reason: 'truncated', message: 'x' }).isRetryable).toBe(false);
    expect(new CompletionError({ kind: 'provider', message: 'overloaded', isRetryable: true }).isRetryable).toBe(true);
  });

  it('names every kind', () => {
    expect(new CompletionError({ kind: 'json', message: 'x' }).name).toBe('CompletionError.Json');
    expect(invalidRequest('bad', 'temperature')).toMatchObject({
      name: 'CompletionError.Request',
      kind: 'request',
      path: 'temperature',
    });
    expect(new CompletionError({ kind: 'response', reason: 'empty', message: 'x' }).name).toBe(
      'CompletionError.Response',
    );
    expect(new CompletionError({ kind: 'provider', message: 'x' }).name).toBe('CompletionError.Provider');
  });

  it('serializes with toJSON, without the cause object itself', () => {
    const error = new CompletionError({
      kind: 'http',
      message: 'HTTP 500',
      status: 500,
      cause: new Error('socket hang up'),
    });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'CompletionError.Http',
      message: 'HTTP 500',
      kind: 'http',
      status: 500,
      isRetryable: true,
      cause: { name: 'Error', message: 'socket hang up' },
    });
  });

  it('summarizes a nested rig-ts cause through its own toJSON', () => {
    const inner = new CompletionError({ kind: 'provider', message: 'overloaded' });
    const outer = new PromptError({ kind: 'completion', message: 'overloaded', cause: inner });
    expect(outer.toJSON()).toEqual({
      name: 'PromptError.Completion',
      message: 'overloaded',
      kind: 'completion',
      cause: { name: 'CompletionError.Provider', message: 'overloaded', kind: 'provider', isRetryable: false },
    });
  });

  it('shows its fields in util.inspect', () => {
    const text = inspect(new CompletionError({ kind: 'http', message: 'HTTP 404', status: 404 }));
    expect(text).toContain('CompletionError.Http: HTTP 404');
    expect(text).toContain('status: 404');
  });
});

describe('isInstance', () => {
  it('recognizes each family and not the others', () => {
    const completion = new CompletionError({ kind: 'json', message: 'x' });
    const prompt = new PromptError({ kind: 'max-turns', message: 'x', maxTurns: 2, history: [] });
    const structured = new StructuredOutputError({ kind: 'empty', message: 'x' });
    expect([
      CompletionError.isInstance(completion),
      PromptError.isInstance(completion),
      StructuredOutputError.isInstance(completion),
    ]).toEqual([true, false, false]);
    expect([
      CompletionError.isInstance(prompt),
      PromptError.isInstance(prompt),
      StructuredOutputError.isInstance(prompt),
    ]).toEqual([false, true, false]);
    expect([
      CompletionError.isInstance(structured),
      PromptError.isInstance(structured),
      StructuredOutputError.isInstance(structured),
    ]).toEqual([false, false, true]);
    expect([completion, prompt, structured].every((error) => RigError.isInstance(error))).toBe(true);
    expect(
      [null, undefined, 'x', new Error('x'), {}].some(
        (value) => RigError.isInstance(value) || CompletionError.isInstance(value),
      ),
    ).toBe(false);
  });

  it('works across two copies of the package, where instanceof fails', async () => {
    vi.resetModules();
    const path: string = './completion-error.js?copy';
    const copy = (await import(/* @vite-ignore */ path)) as typeof import('./completion-error.js');
    expect(copy.CompletionError).not.toBe(CompletionError);
    const fromCopy = new copy.CompletionError({ kind: 'http', message: 'x', status: 500 });
    expect(fromCopy instanceof CompletionError).toBe(false);
    expect(CompletionError.isInstance(fromCopy)).toBe(true);
    expect(RigError.isInstance(fromCopy)).toBe(true);
    expect(copy.CompletionError.isInstance(new CompletionError({ kind: 'json', message: 'x' }))).toBe(true);
  });

  it('names prompt and structured-output kinds', () => {
    expect(new PromptError({ kind: 'max-turns', message: 'x', maxTurns: 2, history: [] }).name).toBe(
      'PromptError.MaxTurns',
    );
    expect(new PromptError({ kind: 'cancelled', message: 'x' }).name).toBe('PromptError.Cancelled');
    expect(
      new StructuredOutputError({
        kind: 'validation',
        message: 'x',
        rawText: '{}',
        value: {},
        errors: [{ path: '/a', message: 'required' }],
      }),
    ).toMatchObject({
      name: 'StructuredOutputError.Validation',
      rawText: '{}',
      errors: [{ path: '/a', message: 'required' }],
    });
  });
});
