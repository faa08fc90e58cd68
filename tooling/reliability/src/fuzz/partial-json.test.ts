import { PartialJsonParser } from '@rig-ts/typed';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutsFor, rawCuts, splitAt, wireText } from '../test-utils/split-anywhere.js';

/** True when `partial` is what a value read so far may show of `final`: strings grow, containers fill, scalars are whole. */
function isPartialOf(partial: unknown, final: unknown): boolean {
  if (partial === undefined) return true;
  if (typeof final === 'string') return typeof partial === 'string' && final.startsWith(partial);
  if (Array.isArray(final)) {
    return (
      Array.isArray(partial) &&
      partial.length <= final.length &&
      partial.every((item, index) => isPartialOf(item, final[index]))
    );
  }
  if (typeof final === 'object' && final !== null) {
    if (typeof partial !== 'object' || partial === null || Array.isArray(partial)) return false;
    return Object.keys(partial).every(
      (key) =>
        Object.hasOwn(final, key) &&
        isPartialOf((partial as { [key: string]: unknown })[key], (final as { [key: string]: unknown })[key]),
    );
  }
  return Object.is(partial, final);
}

/** Pieces of JSON text pushed one by one, with a snapshot of the value after each. */
function parse(pieces: readonly string[]): { parser: PartialJsonParser; snapshots: unknown[] } {
  const parser = new PartialJsonParser();
  const snapshots: unknown[] = [];
  for (const piece of pieces) {
    parser.push(piece);
    snapshots.push(structuredClone(parser.value));
  }
  parser.end();
  return { parser, snapshots };
}

const jsonText = fc.tuple(fc.jsonValue({ maxDepth: 5 }), fc.constantFrom(0, 2, undefined)).map(([value, indent]) => ({
  value: JSON.parse(JSON.stringify(value)) as unknown,
  text: JSON.stringify(value, null, indent),
}));

describe('PartialJsonParser, property-based', () => {
  it('reads any JSON value split anywhere to exactly what JSON.parse gives, every step a partial of it', () => {
    fc.assert(
      fc.property(jsonText, rawCuts, ({ value, text }, raw) => {
        const { parser, snapshots } = parse(splitAt(text, cutsFor(text.length, raw)));
        expect(parser.failed).toBe(false);
        expect(parser.done).toBe(true);
        expect(parser.value).toEqual(value);
        for (const snapshot of snapshots)
          expect(isPartialOf(snapshot, value), `${JSON.stringify(snapshot)} is not a partial of ${text}`).toBe(true);
      }),
      { numRuns: 1500, seed: 120 },
    );
  });

  it('never throws on any text, and reaches the same verdict however it is split', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          wireText,
          fc.string({
            unit: fc.constantFrom('{', '}', '[', ']', '"', '\\', ':', ',', 'u', '0', '1', 'e', '-', 't', 'n', ' ', 'x'),
          }),
        ),
        rawCuts,
        (text, raw) => {
          const whole = parse([text]).parser;
          const split = parse(splitAt(text, cutsFor(text.length, raw))).parser;
          expect({ done: split.done, failed: split.failed }).toEqual({ done: whole.done, failed: whole.failed });
          // Once the text is found not to be JSON, the value shown is what was read before (it may end a piece earlier).
          if (!whole.failed) expect(split.value).toEqual(whole.value);
        },
      ),
      { numRuns: 2000, seed: 121 },
    );
  });

  it('keeps prototype keys as plain own data, polluting nothing', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'),
        fc.jsonValue({ maxDepth: 2 }),
        rawCuts,
        (key, inner, raw) => {
          const text = `{"${key}": ${JSON.stringify({ polluted: inner })}}`;
          const { parser } = parse(splitAt(text, cutsFor(text.length, raw)));
          expect(Object.getPrototypeOf(parser.value)).toBe(Object.prototype);
          expect(Object.hasOwn(parser.value as object, key)).toBe(true);
          expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
        },
      ),
      { numRuns: 300, seed: 122 },
    );
  });

  it('does not hang or overflow the stack on deep nesting or a huge string', () => {
    const started = Date.now();
    const deep = new PartialJsonParser();
    deep.push('['.repeat(200_000));
    deep.push(']'.repeat(200_000));
    expect(deep.done).toBe(true);
    const long = new PartialJsonParser();
    for (let index = 0; index < 1000; index++)
      long.push(index === 0 ? `{"text":"${'x'.repeat(10_000)}` : 'x'.repeat(10_000));
    long.push('"}');
    expect((long.value as { text: string }).text).toHaveLength(10_000_000);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
