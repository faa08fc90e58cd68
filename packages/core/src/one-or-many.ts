/** A non-empty, read-only array. Serializes as a plain JSON array. */
export type OneOrMany<T> = readonly [T, ...T[]];

/** Helpers to build and read {@link OneOrMany} values. */
export const OneOrMany = {
  /** Wraps one item. */
  one<T>(item: T): OneOrMany<T> {
    return [item];
  },
  /**
   * Copies `items` into a non-empty array.
   * @throws {RangeError} when `items` is empty.
   */
  many<T>(items: Iterable<T>): OneOrMany<T> {
    const array = Array.from(items);
    if (array.length === 0) throw new RangeError('OneOrMany.many() needs at least one item');
    return array as unknown as OneOrMany<T>;
  },
  /** The first item. */
  first<T>(items: OneOrMany<T>): T {
    return items[0];
  },
  /** True when `items` is a non-empty array. */
  isOneOrMany<T>(items: readonly T[]): items is OneOrMany<T> {
    return items.length > 0;
  },
};
