import { describe, expect, it } from 'vitest';
import { isKnownAnthropicBlock, readAnthropicBlock } from './read-anthropic-block.js';

describe('readAnthropicBlock and isKnownAnthropicBlock', () => {
  it('reads a copy of any block with a string type, and tells the interpreted ones from the others', () => {
    const wire = { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: { query: 'x' } };
    const block = readAnthropicBlock(wire, 'content[0]');
    expect(block).toEqual(wire);
    expect(block).not.toBe(wire);
    expect(isKnownAnthropicBlock(block)).toBe(false);
    expect(
      ['text', 'tool_use', 'thinking', 'redacted_thinking'].map((type) =>
        isKnownAnthropicBlock(readAnthropicBlock({ type }, 'b')),
      ),
    ).toEqual([true, true, true, true]);
  });

  it.each([
    [42, 'content[0] is not an object (got 42)'],
    [{ text: 'no type' }, 'content[0].type is not a string (got nothing)'],
    [{ type: 7 }, 'content[0].type is not a string (got 7)'],
  ])('%j is a TypeError naming the field', (value, message) => {
    expect(() => readAnthropicBlock(value, 'content[0]')).toThrow(new TypeError(message));
  });
});
