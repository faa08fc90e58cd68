import { describe, expect, it } from 'vitest';
import { isResponsesContentItem, readResponsesOutputItem } from './read-openai-responses-output-item.js';

describe('readResponsesOutputItem and isResponsesContentItem', () => {
  it('reads the items turned into content as they are, and every other object as undefined', () => {
    const call = { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'add', arguments: '{}' };
    expect(readResponsesOutputItem(call, 'output[0]')).toBe(call);
    expect(
      ['message', 'function_call', 'reasoning'].map((type) => readResponsesOutputItem({ type }, 'item')?.type),
    ).toEqual(['message', 'function_call', 'reasoning']);
    expect(
      [{ type: 'web_search_call', id: 'ws_1' }, { type: 'a_later_item' }, { type: 7 }, {}].map((item) =>
        readResponsesOutputItem(item, 'item'),
      ),
    ).toEqual([undefined, undefined, undefined, undefined]);
  });

  it.each([42, null, 'message', undefined])('%j is a TypeError naming the field', (value) => {
    expect(() => readResponsesOutputItem(value, 'output[3]')).toThrow(TypeError);
    expect(() => readResponsesOutputItem(value, 'output[3]')).toThrow(/^output\[3\] is not an object/);
  });

  it('tells content items by their type only', () => {
    expect(isResponsesContentItem({ type: 'reasoning' })).toBe(true);
    expect(isResponsesContentItem({ type: 'computer_call' })).toBe(false);
    expect(isResponsesContentItem({ type: ['message'] })).toBe(false);
  });
});
