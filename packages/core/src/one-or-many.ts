/** A non-empty, read-only array. Serializes as a plain JSON array. */
export type OneOrMany<T> = readonly [T, ...T[]];

/** True when `items` is a non-empty array. */
function isOneOrMany<T>(items: readonly T[]): items is OneOrMany<T> {
  return items.length > 0;
}

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
    if (!isOneOrMany(array)) throw new RangeError('OneOrMany.many() needs at least one item');
    return array;
  },
  /**
   * `items` itself when it holds any (no copy), else `[fallback]` (an empty answer is one empty text block). Never
   * throws.
   */
  orElse<T>(items: readonly T[], fallback: T): OneOrMany<T> {
    return isOneOrMany(items) ? items : [fallback];
  },
  /** `items` followed by `more`: never empty, since `more` is not. Never throws. */
  concat<T>(items: Iterable<T>, more: OneOrMany<T>): OneOrMany<T> {
    const array = [...items, ...more];
    return isOneOrMany(array) ? array : more;
  },
  /** The first item. */
  first<T>(items: OneOrMany<T>): T {
    return items[0];
  },
  isOneOrMany,
};
