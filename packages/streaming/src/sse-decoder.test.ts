import { listFixtures, readFixture } from '@rig-ts/fixtures';
import { createParser } from 'eventsource-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SseDecoder } from './sse-decoder.js';

interface Event {
  data: string;
  event: string;
  id: string | undefined;
}

function decode(chunks: string[]): { events: Event[]; retry: number | undefined } {
  const events: Event[] = [];
  const decoder = new SseDecoder((data, event, id) => events.push({ data, event, id }));
  for (const chunk of chunks) decoder.push(chunk);
  decoder.end();
  return { events, retry: decoder.retry };
}

function decodeBytes(bytes: Uint8Array, cuts: number[]): Event[] {
  const events: Event[] = [];
  const decoder = new SseDecoder((data, event, id) => events.push({ data, event, id }));
  const text = new TextDecoder();
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    decoder.push(text.decode(bytes.subarray(start, cut), { stream: true }));
    start = cut;
  }
  decoder.push(text.decode());
  decoder.end();
  return events;
}

describe('SseDecoder', () => {
  it('decodes data, event and id fields', () => {
    expect(decode(['event: add\ndata: 1\nid: 7\n\ndata: 2\n\n']).events).toEqual([
      { data: '1', event: 'add', id: '7' },
      { data: '2', event: 'message', id: '7' },
    ]);
  });

  it('joins multi-line data with newlines', () => {
    expect(decode(['data: a\ndata:b\ndata:  c\n\n']).events).toEqual([
      { data: 'a\nb\n c', event: 'message', id: undefined },
    ]);
  });

  it('accepts CRLF, CR and LF line ends, also mixed', () => {
    const expected = [
      { data: 'x', event: 'e', id: undefined },
      { data: 'y', event: 'message', id: undefined },
    ];
    expect(decode(['event: e\r\ndata: x\r\n\r\ndata: y\r\n\r\n']).events).toEqual(expected);
    expect(decode(['event: e\rdata: x\r\rdata: y\r\r']).events).toEqual(expected);
    expect(decode(['event: e\ndata: x\r\n\rdata: y\n\n']).events).toEqual(expected);
  });

  it('handles a CRLF split between two chunks as one line end', () => {
    expect(decode(['data: x\r', '\n\r', '\n']).events).toEqual([{ data: 'x', event: 'message', id: undefined }]);
    expect(decode(['data: x\r', '\r']).events).toEqual([{ data: 'x', event: 'message', id: undefined }]);
  });

  it('dispatches an event closed by a CR at the end of a chunk at once, not when the next chunk arrives', () => {
    const events: string[] = [];
    const decoder = new SseDecoder((data) => events.push(data));
    decoder.push('data: x\r\r');
    expect(events).toEqual(['x']);
    decoder.push('\ndata: y\r\n\r');
    expect(events).toEqual(['x', 'y']);
  });

  it('ignores comments and unknown fields', () => {
    expect(decode([': OPENROUTER PROCESSING\n\n: ping\ndata: {"a":1}\nfoo: bar\n\n']).events).toEqual([
      { data: '{"a":1}', event: 'message', id: undefined },
    ]);
  });

  it('strips a leading BOM once', () => {
    expect(decode(['\uFEFFdata: a\n\n']).events).toEqual([{ data: 'a', event: 'message', id: undefined }]);
    expect(decode(['\uFEFF', 'data: \uFEFFa\n\n']).events).toEqual([
      { data: '\uFEFFa', event: 'message', id: undefined },
    ]);
  });

  it('treats a field without a colon as having an empty value', () => {
    expect(decode(['data\ndata\n\n']).events).toEqual([{ data: '\n', event: 'message', id: undefined }]);
    expect(decode(['data\n\n']).events).toEqual([{ data: '', event: 'message', id: undefined }]);
  });

  it('does not dispatch an event without data, and resets its type', () => {
    expect(decode(['event: a\n\ndata: x\n\n']).events).toEqual([{ data: 'x', event: 'message', id: undefined }]);
  });

  it('removes only one leading space from values', () => {
    expect(decode(['data:  two\n\n']).events[0]?.data).toBe(' two');
  });

  it('reads retry only when it is all digits', () => {
    expect(decode(['retry: 1500\n\n']).retry).toBe(1500);
    expect(decode(['retry: 15x\n\n']).retry).toBeUndefined();
  });

  it('keeps the last event id, also one set by a block without data', () => {
    expect(decode(['id: 5\n\ndata: x\n\ndata: y\n\nid\ndata: z\n\n']).events.map((event) => event.id)).toEqual([
      '5',
      '5',
      '',
    ]);
  });

  it('ignores an id containing NUL', () => {
    expect(decode(['id: 1\ndata: a\n\nid: 2\0\ndata: b\n\n']).events.map((event) => event.id)).toEqual(['1', '1']);
  });

  it('discards an event not closed by a blank line at the end', () => {
    expect(decode(['data: a\n\ndata: b\n']).events).toEqual([{ data: 'a', event: 'message', id: undefined }]);
  });

  it('keeps multi-byte characters split across byte chunks', () => {
    const bytes = new TextEncoder().encode('data: héllo 🌍 世界\n\n');
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(decodeBytes(bytes, [cut])).toEqual([{ data: 'héllo 🌍 世界', event: 'message', id: undefined }]);
    }
  });
});

describe('SseDecoder on every recorded raw .sse fixture', () => {
  const files = listFixtures('', '.sse');

  it('finds the recordings', () => {
    expect(files.length).toBeGreaterThanOrEqual(28);
  });

  it.each(files)('%s: same events as eventsource-parser, under 200 random chunkings', (file) => {
    const bytes = readFixture(file);
    const whole = decodeBytes(bytes, []);
    expect(whole.length).toBeGreaterThan(0);

    const reference: Event[] = [];
    const parser = createParser({
      onEvent: (event) => reference.push({ data: event.data, event: event.event ?? 'message', id: event.id }),
    });
    parser.feed(new TextDecoder().decode(bytes));
    expect(whole).toEqual(reference);

    const oneByte = Array.from({ length: bytes.length - 1 }, (_value, index) => index + 1);
    expect(decodeBytes(bytes, oneByte)).toEqual(whole);

    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, bytes.length - 1) }), { maxLength: 64 }),
        (cuts) => {
          expect(
            decodeBytes(
              bytes,
              cuts.sort((a, b) => a - b),
            ),
          ).toEqual(whole);
        },
      ),
      { numRuns: 200, seed: 42 },
    );
  });

  it('decodes an event far larger than its pieces in linear time (a 10 MB line in 8 KiB pieces)', () => {
    const piece = 'x'.repeat(8192);
    const events: string[] = [];
    const decoder = new SseDecoder((data) => events.push(data));
    const started = Date.now();
    decoder.push('data: ');
    for (let index = 0; index < 1280; index++) decoder.push(piece);
    decoder.push('\r');
    decoder.push('\n\n');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(events.map((data) => data.length)).toEqual([1280 * 8192]);
  }, 10_000);
});
