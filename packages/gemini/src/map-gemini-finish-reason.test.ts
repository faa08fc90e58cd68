import { describe, expect, it } from 'vitest';
import { mapGeminiFinishReason } from './map-gemini-finish-reason.js';

describe('mapGeminiFinishReason', () => {
  it.each([
    ['STOP', 'stop'],
    ['MAX_TOKENS', 'length'],
    ['SAFETY', 'content-filter'],
    ['RECITATION', 'content-filter'],
    ['BLOCKLIST', 'content-filter'],
    ['PROHIBITED_CONTENT', 'content-filter'],
    ['SPII', 'content-filter'],
    ['IMAGE_SAFETY', 'content-filter'],
    ['MALFORMED_FUNCTION_CALL', 'other'],
    ['UNEXPECTED_TOOL_CALL', 'other'],
    ['TOO_MANY_TOOL_CALLS', 'other'],
    ['LANGUAGE', 'other'],
    ['OTHER', 'other'],
    ['FINISH_REASON_UNSPECIFIED', 'other'],
    ['SOMETHING_NEW', 'other'],
    [undefined, 'other'],
  ] as const)('%s → %s', (reason, expected) => {
    expect(mapGeminiFinishReason(reason)).toBe(expected);
  });

  it('does not read inherited properties as reasons', () => {
    expect(mapGeminiFinishReason('constructor')).toBe('other');
    expect(mapGeminiFinishReason('toString')).toBe('other');
  });
});
