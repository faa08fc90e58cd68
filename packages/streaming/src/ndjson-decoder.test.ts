import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NdjsonDecoder } from './ndjson-decoder.js';

function decode(chunks: string[]): string[] {
  const lines: string[] = [];
  const decoder = new NdjsonDecoder((line) => lines.push(line));
  for (const chunk of chunks) decoder.push(chunk);
  decoder.end();
  return lines;
}

describe('NdjsonDecoder', () => {
  it('yields one line per JSON value, skipping blank lines', () => {
    expect(decode(['{"a":1}\n\n{"b":2}\n', '   \n'])).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('strips CR of CRLF line ends', () => {
    expect(decode(['{"a":1}\r\n{"b":2}\r\n'])).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('delivers a last line without newline at the end', () => {
    expect(decode(['{"a":1}\n{"done":', 'true}'])).toEqual(['{"a":1}', '{"done":true}']);
  });

  it('decodes the same lines under any split', () => {
    const text =
      '{"model":"llama3.2","message":{"role":"assistant","content":"Hé"},"done":false}\n{"done":true,"eval_count":2}\n';
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 20 }), (cuts) => {
        const sorted = cuts.sort((a, b) => a - b);
        const chunks: string[] = [];
        let start = 0;
        for (const cut of [...sorted, text.length]) {
          chunks.push(text.slice(start, cut));
          start = cut;
        }
        expect(decode(chunks)).toEqual(decode([text]));
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('decodes a line far larger than its pieces in linear time (a 10 MB line in 8 KiB pieces)', () => {
    const piece = 'x'.repeat(8192);
    const lines: string[] = [];
    const decoder = new NdjsonDecoder((line) => lines.push(line));
    const started = Date.now();
    for (let index = 0; index < 1280; index++) decoder.push(piece);
    decoder.push('\r\n{}');
    decoder.end();
    expect(Date.now() - started).toBeLessThan(3000);
    expect(lines.map((line) => line.length)).toEqual([1280 * 8192, 2]);
  }, 10_000);
});
