import { describe, expect, it } from 'vitest';
import { OneOrMany } from './one-or-many.js';

describe('OneOrMany', () => {
  it('wraps one item', () => {
    expect(OneOrMany.one('a')).toEqual(['a']);
  });

  it('copies many items and keeps their order', () => {
    const source = new Set([3, 1, 2]);
    const many = OneOrMany.many(source);
    expect(many).toEqual([3, 1, 2]);
    expect(OneOrMany.first(many)).toBe(3);
  });

  it('throws on empty input', () => {
    expect(() => OneOrMany.many([])).toThrow(new RangeError('OneOrMany.many() needs at least one item'));
  });

  it('serializes as a plain array', () => {
    expect(JSON.stringify(OneOrMany.many(['x', 'y']))).toBe('["x","y"]');
  });

  it('orElse gives the items themselves, or the fallback alone when there are none, without throwing', () => {
    const source = ['a', 'b'];
    expect(OneOrMany.orElse(source, 'z')).toBe(source);
    expect(OneOrMany.orElse([], 'z')).toEqual(['z']);
  });

  it('concat puts the items before a non-empty list, and is never empty', () => {
    expect(OneOrMany.concat(['a', 'b'], ['c'])).toEqual(['a', 'b', 'c']);
    expect(OneOrMany.concat([], ['c', 'd'])).toEqual(['c', 'd']);
    expect(OneOrMany.concat(new Set([1]), [2, 3])).toEqual([1, 2, 3]);
  });

  it('tells non-empty arrays apart', () => {
    expect(OneOrMany.isOneOrMany([])).toBe(false);
    expect(OneOrMany.isOneOrMany([0])).toBe(true);
  });
});
