import { NdjsonDecoder, SseDecoder } from '@rig-ts/streaming';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutsFor, rawCuts, splitAt, wireText } from '../test-utils/split-anywhere.js';

interface SseEvent {
  data: string;
  event: string;
  id: string | undefined;
}

function decodeSse(pieces: readonly string[]): { events: SseEvent[]; retry: number | undefined } {
  const events: SseEvent[] = [];
  const decoder = new SseDecoder((data, event, id) => events.push({ data, event, id }));
  for (const piece of pieces) decoder.push(piece);
  decoder.end();
  return { events, retry: decoder.retry };
}

function decodeNdjson(pieces: readonly string[]): string[] {
  const lines: string[] = [];
  const decoder = new NdjsonDecoder((line) => lines.push(line));
  for (const piece of pieces) decoder.push(piece);
  decoder.end();
  return lines;
}

/** Over any text: `decode` does not throw, and gives the same whole, cut anywhere, or one character at a time. */
function expectSplitsDecodeAlike(decode: (pieces: readonly string[]) => unknown, seed: number): void {
  fc.assert(
    fc.property(wireText, rawCuts, (text, raw) => {
      const whole = decode([text]);
      expect(decode(splitAt(text, cutsFor(text.length, raw)))).toEqual(whole);
      expect(decode([...text])).toEqual(whole);
    }),
    { numRuns: 1500, seed },
  );
}

const lineEnd = fc.constantFrom('\n', '\r\n', '\r');
/** A field value: no line ends (SSE has no way to carry them inside one line). */
const lineText = fc.string({ unit: 'binary', maxLength: 20 }).map((text) => text.replace(/[\r\n]/g, ''));

describe('SseDecoder, property-based', () => {
  it('never throws on any input, and decodes it the same however it is split', () =>
    expectSplitsDecodeAlike(decodeSse, 110));

  it('gives back well-formed events exactly, whatever the line ends and the split', () => {
    const event = fc.record({
      event: fc.option(
        lineText.filter((name) => name !== ''),
        { nil: undefined },
      ),
      data: fc.array(lineText, { minLength: 1, maxLength: 4 }),
      id: fc.option(
        lineText.filter((value) => !value.includes('\0')),
        { nil: undefined },
      ),
      comment: fc.option(lineText, { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 6 }),
        fc.array(lineEnd, { minLength: 1, maxLength: 8 }),
        rawCuts,
        (events, ends, raw) => {
          let position = 0;
          const end = () => ends[position++ % ends.length]!;
          let text = '';
          let lastId: string | undefined;
          const expected: SseEvent[] = [];
          for (const item of events) {
            if (item.comment !== undefined) text += `:${item.comment}${end()}`;
            if (item.event !== undefined) text += `event: ${item.event}${end()}`;
            if (item.id !== undefined) text += `id: ${item.id}${end()}`;
            for (const line of item.data) text += `data: ${line}${end()}`;
            // The blank line that ends the event: an LF right after a CR would read as one CRLF, not as a blank line.
            const blank = end();
            text += text.endsWith('\r') && blank === '\n' ? '\r\n' : blank;
            if (item.id !== undefined) lastId = item.id;
            expected.push({ data: item.data.join('\n'), event: item.event ?? 'message', id: lastId });
          }
          expect(decodeSse(splitAt(text, cutsFor(text.length, raw))).events).toEqual(expected);
        },
      ),
      { numRuns: 1000, seed: 111 },
    );
  });

  it('does not hang on a huge input without a line end, however it is split', () => {
    const started = Date.now();
    const piece = 'data: '.padEnd(4096, 'x');
    const decoder = new SseDecoder(() => undefined);
    for (let index = 0; index < 2560; index++) decoder.push(piece);
    decoder.end();
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('NdjsonDecoder, property-based', () => {
  it('never throws on any input, and decodes it the same however it is split', () =>
    expectSplitsDecodeAlike(decodeNdjson, 112));

  it('gives back one JSON value per line, LF or CRLF, whatever the split', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 8 }),
        fc.array(fc.constantFrom('\n', '\r\n'), { minLength: 1 }),
        rawCuts,
        (values, ends, raw) => {
          const text = values.map((value, index) => JSON.stringify(value) + ends[index % ends.length]).join('');
          const lines = decodeNdjson(splitAt(text, cutsFor(text.length, raw)));
          expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual(
            values.map((value) => JSON.parse(JSON.stringify(value)) as unknown),
          );
        },
      ),
      { numRuns: 1000, seed: 113 },
    );
  });
});
