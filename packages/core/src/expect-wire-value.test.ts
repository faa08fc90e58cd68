import { describe, expect, it } from 'vitest';
import {
  describeWireValue,
  expectObject,
  expectOptionalArray,
  expectOptionalString,
  expectString,
  expectTokenCount,
} from './expect-wire-value.js';
import { thrown } from './test-utils/thrown.js';

describe('describeWireValue', () => {
  it.each([
    [undefined, 'nothing'],
    [null, 'null'],
    [42, '42'],
    [-1.5, '-1.5'],
    [true, 'true'],
    ['sk-secret-key', 'a string of 13 characters'],
    [[1, 2, 3], 'an array of 3 items'],
    [{ text: 'hi' }, 'an object'],
  ])('describes %j as %s, never quoting text', (value, description) => {
    expect(describeWireValue(value)).toBe(description);
  });

  it('stays short for a huge value', () => {
    expect(describeWireValue('x'.repeat(5_000_000))).toBe('a string of 5000000 characters');
    expect(describeWireValue({ text: 'x'.repeat(5_000_000) })).toBe('an object');
  });
});

describe('expectString / expectOptionalString', () => {
  it('returns strings', () => {
    expect(expectString('', 'delta')).toBe('');
    expect(expectOptionalString('a', 'delta')).toBe('a');
    expect(expectOptionalString(undefined, 'delta')).toBeUndefined();
    expect(expectOptionalString(null, 'delta')).toBeUndefined();
  });

  it.each([
    [42, 'delta is not a string (got 42)'],
    [{ text: 'a' }, 'delta is not a string (got an object)'],
    [undefined, 'delta is not a string (got nothing)'],
    [null, 'delta is not a string (got null)'],
    [['a'], 'delta is not a string (got an array of 1 items)'],
  ])('throws a TypeError naming the field for %j', (value, message) => {
    const error = thrown(() => expectString(value, 'delta'));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe(message);
  });

  it('lets only absent values through as optional', () => {
    expect((thrown(() => expectOptionalString(7, 'item_id')) as Error).message).toBe('item_id is not a string (got 7)');
  });
});

describe('expectTokenCount', () => {
  it('reads whole numbers of at least 0, and absent counts as undefined', () => {
    expect(expectTokenCount(0, 'usage.input_tokens')).toBe(0);
    expect(expectTokenCount(12_345, 'usage.input_tokens')).toBe(12_345);
    expect(expectTokenCount(undefined, 'usage.input_tokens')).toBeUndefined();
    expect(expectTokenCount(null, 'usage.input_tokens')).toBeUndefined();
  });

  it.each([
    [-1, '-1'],
    [1.5, '1.5'],
    ['12', 'a string of 2 characters'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [2 ** 60, String(2 ** 60)],
    [{}, 'an object'],
  ])('refuses %j', (value, got) => {
    const error = thrown(() => expectTokenCount(value, 'usage.input_tokens'));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe(
      `usage.input_tokens is not a token count (a whole number of at least 0) (got ${got})`,
    );
  });
});

describe('expectObject / expectOptionalArray', () => {
  it('reads objects and arrays', () => {
    const value = { a: 1 };
    expect(expectObject(value, 'item')).toBe(value);
    expect(expectOptionalArray(undefined, 'parts')).toEqual([]);
    expect(expectOptionalArray(null, 'parts')).toEqual([]);
    const parts = [1];
    expect(expectOptionalArray(parts, 'parts')).toBe(parts);
  });

  it('refuses other shapes', () => {
    expect((thrown(() => expectObject([], 'item')) as Error).message).toBe(
      'item is not an object (got an array of 0 items)',
    );
    expect((thrown(() => expectObject(null, 'item')) as Error).message).toBe('item is not an object (got null)');
    expect((thrown(() => expectOptionalArray({}, 'parts')) as Error).message).toBe(
      'parts is not an array (got an object)',
    );
  });
});
