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

  it('tells non-empty arrays apart', () => {
    expect(OneOrMany.isOneOrMany([])).toBe(false);
    expect(OneOrMany.isOneOrMany([0])).toBe(true);
  });
});
