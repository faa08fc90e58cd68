import type { StreamedAssistantContent } from '@rig-ts/core';
import { StreamAccumulator, parseToolArguments } from '@rig-ts/streaming/internal';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutsFor, rawCuts, splitAt, wireText } from '../test-utils/split-anywhere.js';

/** What JSON.parse makes of arguments, as a tool receives them (`null` and nothing mean no arguments). */
function expectedArguments(text: string): unknown {
  if (text.trim() === '') return {};
  const value: unknown = JSON.parse(text);
  return value === null ? {} : value;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('tool-argument assembly, property-based', () => {
  it('assembles two interleaved calls split anywhere into exactly the parsed arguments, in the order they started', () => {
    const call = fc.record({
      args: fc.jsonValue({ maxDepth: 4 }),
      indent: fc.constantFrom(undefined, 1),
      cuts: rawCuts,
    });
    fc.assert(
      fc.property(call, call, fc.array(fc.boolean(), { maxLength: 40 }), (first, second, order) => {
        const texts = [first, second].map(({ args, indent }) => JSON.stringify(args, null, indent));
        const pieces = [first, second].map(({ cuts }, index) =>
          splitAt(texts[index]!, cutsFor(texts[index]!.length, cuts)),
        );
        const accumulator = new StreamAccumulator();
        accumulator.toolCallStart('0', { id: 'call_a', name: 'alpha' });
        accumulator.toolCallStart('1', { id: 'call_b', name: 'beta' });
        const next = [0, 0];
        let turn = 0;
        while (next[0]! < pieces[0]!.length || next[1]! < pieces[1]!.length) {
          let which = order[turn++ % Math.max(order.length, 1)] ? 1 : 0;
          if (next[which]! >= pieces[which]!.length) which = 1 - which;
          accumulator.toolCallDelta(String(which), pieces[which]![next[which]!++]!);
        }
        accumulator.finishReason = 'tool-calls';
        accumulator.end();
        const response = accumulator.finish();
        expect(response.choice).toEqual([
          { type: 'tool-call', id: 'call_a', function: { name: 'alpha', arguments: expectedArguments(texts[0]!) } },
          { type: 'tool-call', id: 'call_b', function: { name: 'beta', arguments: expectedArguments(texts[1]!) } },
        ]);
        const streamed = (id: string) =>
          accumulator.items
            .filter(
              (item): item is Extract<StreamedAssistantContent, { type: 'tool-call-delta' }> =>
                item.type === 'tool-call-delta' && item.id === id,
            )
            .map((item) => item.argumentsDelta)
            .join('');
        expect([streamed('call_a'), streamed('call_b')]).toEqual(texts);
      }),
      { numRuns: 1000, seed: 130 },
    );
  });

  it('turns any argument text into the parsed value or a call keeping the text as written, never an error', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          wireText,
          fc.json({ maxDepth: 2 }).map((text) => text.slice(0, Math.ceil(text.length / 2))),
        ),
        rawCuts,
        fc.boolean(),
        (text, cuts, cutByLength) => {
          expect(parseToolArguments(text)).toEqual(
            isJson(text) || text.trim() === '' ? expectedArguments(text) : undefined,
          );
          const accumulator = new StreamAccumulator();
          accumulator.toolCallStart('0', { id: 'call_1', name: 'f' });
          for (const piece of splitAt(text, cutsFor(text.length, cuts))) accumulator.toolCallDelta('0', piece);
          accumulator.finishReason = cutByLength ? 'length' : 'tool-calls';
          let outcome: unknown;
          try {
            outcome = accumulator.finish().choice;
          } catch (error) {
            outcome = error;
          }
          if (isJson(text) || text.trim() === '')
            expect(outcome).toEqual([
              { type: 'tool-call', id: 'call_1', function: { name: 'f', arguments: expectedArguments(text) } },
            ]);
          // A call cut by the token limit is dropped (the choice, never empty, is then one empty text).
          else if (cutByLength) expect(outcome).toEqual([{ type: 'text', text: '' }]);
          // A whole call whose text is not JSON is kept for the agent to answer (it asks the model for JSON again).
          else
            expect(outcome).toEqual([
              { type: 'tool-call', id: 'call_1', function: { name: 'f', arguments: {} }, unparseableArguments: text },
            ]);
        },
      ),
      { numRuns: 1500, seed: 131 },
    );
  });

  it('refuses arguments for a call that never started with a malformed-response error', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string(), (key, delta) => {
        const accumulator = new StreamAccumulator();
        accumulator.toolCallStart('started', { id: 'call_1', name: 'f' });
        fc.pre(key !== 'started');
        let error: unknown;
        try {
          accumulator.toolCallDelta(key, delta);
        } catch (caught) {
          error = caught;
        }
        expect(error).toMatchObject({
          kind: 'response',
          reason: 'malformed',
          message: `stream sent arguments for unknown tool call "${key}"`,
        });
      }),
      { numRuns: 300, seed: 132 },
    );
  });
});
