import { describe, expect, it } from 'vitest';
import { readAnthropicDelta } from './read-anthropic-delta.js';

describe('readAnthropicDelta', () => {
  it.each([
    [{ type: 'text_delta', text: 'hi' }],
    [{ type: 'input_json_delta', partial_json: '{"a"' }],
    [{ type: 'thinking_delta', thinking: 'hm' }],
    [{ type: 'signature_delta', signature: 'EqQB' }],
    [{ type: 'citations_delta', citation: { type: 'char_location', cited_text: 'x', start_char_index: 0 } }],
    [{ type: 'compaction_delta', content: 'summary' }],
  ])('reads %j', (delta) => {
    expect(readAnthropicDelta(delta)).toEqual(delta);
  });

  it('skips a delta type it does not know, and drops fields it does not read', () => {
    expect(readAnthropicDelta({ type: 'sparkle_delta', sparkle: 1 })).toBeUndefined();
    expect(readAnthropicDelta({ type: 'text_delta', text: 'a', extra: true })).toEqual({
      type: 'text_delta',
      text: 'a',
    });
  });

  it.each([
    ['x', 'delta is not an object'],
    [{ type: 'text_delta', text: 1 }, 'delta.text is not a string'],
    [{ type: 'citations_delta', citation: {} }, 'delta.citation.type is not a string'],
    [{ type: 'signature_delta' }, 'delta.signature is not a string'],
  ])('%j is a TypeError naming the field', (delta, message) => {
    expect(() => readAnthropicDelta(delta)).toThrow(TypeError);
    expect(() => readAnthropicDelta(delta)).toThrow(message);
  });
});
