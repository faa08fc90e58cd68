import { chunkLines } from '@rig-ts/fixtures';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PartialJsonParser } from './partial-json-parser.js';

/** Pushes each piece and records a snapshot of the value after every push that changed it. */
function snapshots(pieces: readonly string[]): unknown[] {
  const parser = new PartialJsonParser();
  const seen: unknown[] = [];
  for (const piece of pieces) if (parser.push(piece)) seen.push(structuredClone(parser.value));
  if (parser.end()) seen.push(structuredClone(parser.value));
  return seen;
}

function splitAt(text: string, cuts: number[]): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    pieces.push(text.slice(start, cut));
    start = cut;
  }
  pieces.push(text.slice(start));
  return pieces;
}

/** The text deltas of vercel/ai's recorded Anthropic native-output stream. */
function recordedDeltas(): string[] {
  const deltas: string[] = [];
  for (const line of chunkLines('anthropic/vercel-ai/anthropic-json-output-format.1.chunks.txt')) {
    const event = JSON.parse(line) as { type: string; delta?: { type: string; text: string } };
    if (event.type === 'content_block_delta' && event.delta?.type === 'text_delta') deltas.push(event.delta.text);
  }
  return deltas;
}

describe('PartialJsonParser', () => {
  it('shows each step of a value read one character at a time', () => {
    expect(snapshots([...'{"a": [1, "xy", {"b": true}], "c": null}'])).toEqual([
      {},
      { a: [] },
      { a: [1] },
      { a: [1, ''] },
      { a: [1, 'x'] },
      { a: [1, 'xy'] },
      { a: [1, 'xy', {}] },
      { a: [1, 'xy', { b: true }] },
      { a: [1, 'xy', { b: true }], c: null },
    ]);
  });

  it('follows the recorded Anthropic stream delta by delta and ends with the exact value', () => {
    const deltas = recordedDeltas();
    expect(deltas.length).toBe(114);
    const parser = new PartialJsonParser();
    const states: unknown[] = [];
    for (const delta of deltas) {
      parser.push(delta);
      states.push(structuredClone(parser.value));
    }
    expect(deltas.slice(0, 7)).toEqual([
      '{"',
      'characters"',
      ':[{"name":"Th',
      'eron',
      ' Iron',
      'heart","class":"warrior","description',
      '":"A battle',
    ]);
    expect(states.slice(0, 7)).toEqual([
      {},
      {},
      { characters: [{ name: 'Th' }] },
      { characters: [{ name: 'Theron' }] },
      { characters: [{ name: 'Theron Iron' }] },
      { characters: [{ name: 'Theron Ironheart', class: 'warrior' }] },
      { characters: [{ name: 'Theron Ironheart', class: 'warrior', description: 'A battle' }] },
    ]);
    expect(parser.done).toBe(true);
    expect(parser.value).toEqual(JSON.parse(deltas.join('')));
  });

  it('reads escapes split anywhere, surrogate pairs included', () => {
    const text = JSON.stringify({ 'k\u00e9y': 'a\u00e9b "quoted" \\ /\n\t\u0001 \ud83d\ude00 end' });
    for (let cut = 1; cut < text.length; cut++) {
      const parser = new PartialJsonParser();
      parser.push(text.slice(0, cut));
      parser.push(text.slice(cut));
      expect(parser.value).toEqual(JSON.parse(text));
    }
    const escaped = '{"s":"\\u00e9\\ud83d\\ude00\\"\\/"}';
    const parser = new PartialJsonParser();
    for (const char of escaped) parser.push(char);
    expect(parser.value).toEqual({ s: 'é😀"/' });
  });

  it('equals JSON.parse for any JSON value split anywhere', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), fc.array(fc.nat(), { maxLength: 8 }), (json, rawCuts) => {
        const cuts = rawCuts.map((cut) => cut % (json.length + 1));
        const parser = new PartialJsonParser();
        for (const piece of splitAt(json, cuts)) parser.push(piece);
        parser.end();
        expect(parser.failed).toBe(false);
        expect(parser.value).toEqual(JSON.parse(json));
      }),
      { numRuns: 400 },
    );
  });

  it('skips prose and a code fence before the value, and whatever follows it', () => {
    expect(snapshots(['Here is the JSON:\n```json\n{"a"', ': 1}\n```\nHope this [helps] {"b":2}'])).toEqual([
      {},
      { a: 1 },
    ]);
  });

  it('starts a bare value only at the very beginning', () => {
    expect(snapshots(['"a str', 'ing"'])).toEqual(['a str', 'a string']);
    expect(snapshots(['null'])).toEqual([null]);
    expect(snapshots(['the answer: {"a"', ':1}'])).toEqual([{}, { a: 1 }]);
    expect(snapshots(['  -12.5e1'])).toEqual([-125]);
    expect(snapshots(['answer: 42 then [', '1]'])).toEqual([[], [1]]);
  });

  it('shows a number or literal only once it is complete', () => {
    const parser = new PartialJsonParser();
    expect(parser.push('{"n": 12')).toBe(true);
    expect(parser.value).toEqual({});
    expect(parser.push('34')).toBe(false);
    expect(parser.push(', "t": tr')).toBe(true);
    expect(parser.value).toEqual({ n: 1234 });
    expect(parser.push('ue}')).toBe(true);
    expect(parser.value).toEqual({ n: 1234, t: true });
    expect(parser.done).toBe(true);
  });

  it('reports no change for whitespace, keys and separators', () => {
    const parser = new PartialJsonParser();
    expect(parser.push('   ')).toBe(false);
    expect(parser.push('[')).toBe(true);
    expect(parser.push(' ')).toBe(false);
    expect(parser.push('{"ke')).toBe(true);
    expect(parser.push('y"')).toBe(false);
    expect(parser.push(' : ')).toBe(false);
  });

  it('updates one object tree in place', () => {
    const parser = new PartialJsonParser();
    parser.push('{"list": [');
    const root = parser.value as { list: unknown[] };
    parser.push('1, 2]}');
    expect(parser.value).toBe(root);
    expect(root.list).toEqual([1, 2]);
  });

  it('keeps __proto__ an own property', () => {
    const parser = new PartialJsonParser();
    parser.push('{"__proto__": {"polluted": true}, "a": 1}');
    const value = parser.value as { [key: string]: unknown };
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'a']);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it.each([
    ['a bad token', '{"a": tru }'],
    ['a missing colon', '{"a" 1}'],
    ['a wrong closer', '{"a": [1}'],
    ['a bad escape', '{"a": "\\x"}'],
    ['a bad unicode escape', '{"a": "\\uZZZZ"}'],
    ['an unquoted key', '{a: 1}'],
  ])('stops at %s', (_name, text) => {
    const parser = new PartialJsonParser();
    parser.push(text);
    parser.end();
    expect(parser.failed).toBe(true);
    expect(parser.push('"more"}')).toBe(false);
  });
});
