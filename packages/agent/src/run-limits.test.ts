import { CompletionError } from '@rig-ts/core';
import { describe, expect, it } from 'vitest';
import { requestError } from '@rig-ts/provider-tests';
import { checkCount, checkTimeLimit, DEFAULT_TOOL_TIMEOUT_MS } from './run-limits.js';

describe('checkCount', () => {
  it('accepts integers of at least 1, and Infinity only when unbounded counts are allowed', () => {
    expect([1, 2, 5, 1000, Number.MAX_SAFE_INTEGER].map((value) => checkCount(value, 'maxTurns'))).toEqual([
      1,
      2,
      5,
      1000,
      Number.MAX_SAFE_INTEGER,
    ]);
    expect(checkCount(Infinity, 'toolConcurrency', true)).toBe(Infinity);
  });

  it.each([
    [Number.NaN, 'NaN'],
    [0, '0'],
    [-1, '-1'],
    [1.5, '1.5'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
    [2 ** 60, String(2 ** 60)],
    ['5', '"5"'],
    [null, 'object'],
    [undefined, 'undefined'],
    [5n, '5'],
  ])('refuses %s with a request CompletionError naming the option', (value, shown) => {
    const error = requestError(() => checkCount(value, 'maxTurns'));
    expect(error).toMatchObject({
      name: 'CompletionError.Request',
      kind: 'request',
      path: 'maxTurns',
      message: `maxTurns must be an integer of at least 1 (got ${shown})`,
    });
  });

  it('names Infinity in the message where it is allowed', () => {
    expect(requestError(() => checkCount(0, 'toolConcurrency', true))).toMatchObject({
      message: 'toolConcurrency must be an integer of at least 1, or Infinity (got 0)',
    });
  });
});

describe('checkTimeLimit', () => {
  it('accepts milliseconds above 0 and Infinity', () => {
    expect([0.5, 1, 60_000, Infinity].map((value) => checkTimeLimit(value, 'toolTimeoutMs'))).toEqual([
      0.5,
      1,
      60_000,
      Infinity,
    ]);
    expect(DEFAULT_TOOL_TIMEOUT_MS).toBe(60_000);
  });

  it.each([Number.NaN, 0, -5, -Infinity, '100', null])('refuses %s', (value) => {
    const error = requestError(() => checkTimeLimit(value, 'toolTimeoutMs'));
    expect(error).toMatchObject({ kind: 'request', path: 'toolTimeoutMs' });
    expect((error as Error).message).toMatch(
      /^toolTimeoutMs must be a number of milliseconds above 0, or Infinity for no limit \(got .+\)$/,
    );
  });
});
