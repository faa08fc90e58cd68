import { describe, expect, it } from 'vitest';
import { reconcileFinishReason, toChoice } from './finish-choice.js';

describe('toChoice', () => {
  it('keeps non-empty content', () => {
    const content = [{ type: 'text' as const, text: 'a' }];
    expect(toChoice(content)).toBe(content);
  });

  it('turns an empty answer into one empty text block', () => {
    expect(toChoice([])).toEqual([{ type: 'text', text: '' }]);
  });
});

describe('reconcileFinishReason', () => {
  const call = { type: 'tool-call' as const, id: '1', function: { name: 'f', arguments: {} } };
  it('upgrades stop to tool-calls when a tool was called', () => {
    expect(reconcileFinishReason('stop', [call])).toBe('tool-calls');
  });
  it('leaves other reasons and tool-free turns alone', () => {
    expect(reconcileFinishReason('stop', [{ type: 'text', text: 'x' }])).toBe('stop');
    expect(reconcileFinishReason('length', [call])).toBe('length');
    expect(reconcileFinishReason('content-filter', [])).toBe('content-filter');
  });
});
