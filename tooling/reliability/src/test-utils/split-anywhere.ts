import fc from 'fast-check';

/** Cut points for a text of `length`: sorted, distinct, inside it. */
export function cutsFor(length: number, raw: readonly number[]): number[] {
  if (length === 0) return [];
  return [...new Set(raw.map((cut) => cut % length))].filter((cut) => cut > 0).sort((a, b) => a - b);
}

/** `text` split at `cuts`. */
export function splitAt(text: string, cuts: readonly number[]): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (const cut of cuts) {
    pieces.push(text.slice(start, cut));
    start = cut;
  }
  pieces.push(text.slice(start));
  return pieces;
}

/** Raw cut positions; reduce with {@link cutsFor}. */
export const rawCuts = fc.array(fc.nat(), { maxLength: 12 });

/** Text made of what matters to line-based decoders: line ends, colons, spaces, field names, a BOM, and anything. */
export const wireText = fc.string({
  unit: fc.oneof(
    {
      weight: 6,
      arbitrary: fc.constantFrom(
        '\n',
        '\r',
        '\r\n',
        ':',
        ' ',
        'data',
        'event',
        'id',
        'retry',
        '\uFEFF',
        '{',
        '}',
        '"',
        '[DONE]',
        '\0',
      ),
    },
    { weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }) },
  ),
  maxLength: 60,
});

/** Rejects when `promise` takes longer than `ms`: a property that hangs fails instead of stalling the run. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not settle within ${ms} ms`)), ms);
    }),
  ]);
}
