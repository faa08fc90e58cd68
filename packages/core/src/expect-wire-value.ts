/**
 * What a wire value is, for an error message: numbers, booleans and `null` as they are; strings, arrays and objects by
 * their kind and size only, so that a message never quotes (and never grows with) what a server sent — the frame or
 * body itself goes in the error's `body`, where it is redacted and cut.
 */
export function describeWireValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return `a string of ${value.length} characters`;
  if (Array.isArray(value)) return `an array of ${value.length} items`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

// A TypeError: the callers' readers (`readResponse`, the stream driver) turn it into a malformed `response` error
// that says which answer or frame could not be read.
function wrongShape(field: string, expected: string, value: unknown): TypeError {
  return new TypeError(`${field} is not ${expected} (got ${describeWireValue(value)})`);
}

/**
 * `value` when it is a string.
 * @throws {TypeError} naming `field` otherwise (a number, an object or a missing value where text is due).
 */
export function expectString(value: unknown, field: string): string {
  if (typeof value !== 'string') throw wrongShape(field, 'a string', value);
  return value;
}

/**
 * `value` when it is a string, `undefined` when it is absent or `null`.
 * @throws {TypeError} naming `field` for anything else.
 */
export function expectOptionalString(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw wrongShape(field, 'a string', value);
  return value;
}

/**
 * A token count: `value` when it is a whole number of at least 0, `undefined` when it is absent or `null`.
 * @throws {TypeError} naming `field` for a negative, fractional or non-numeric count (`"12"`, `-1`, `1.5`).
 */
export function expectTokenCount(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw wrongShape(field, 'a token count (a whole number of at least 0)', value);
  return value;
}

/**
 * `value` when it is a JSON object (not `null`, not an array).
 * @throws {TypeError} naming `field` otherwise.
 */
export function expectObject(value: unknown, field: string): { [key: string]: unknown } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw wrongShape(field, 'an object', value);
  return value as { [key: string]: unknown };
}

// Shared, so that reading an absent list (per stream frame, often) allocates nothing.
const NO_ITEMS: readonly unknown[] = Object.freeze([]);

/**
 * `value` when it is an array, an empty (frozen) array when it is absent or `null`.
 * @throws {TypeError} naming `field` otherwise.
 */
export function expectOptionalArray(value: unknown, field: string): readonly unknown[] {
  if (value === undefined || value === null) return NO_ITEMS;
  if (!Array.isArray(value)) throw wrongShape(field, 'an array', value);
  return value;
}
