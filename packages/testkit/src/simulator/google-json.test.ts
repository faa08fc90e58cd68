import { describe, expect, it } from 'vitest';
import { googleJson } from './google-json.js';

describe('googleJson', () => {
  it('writes a space after colons and none after commas, like Gemini streams', () => {
    const value = {
      candidates: [{ content: { parts: [{ text: 'a: b, c' }], role: 'model' }, index: 0 }],
      flag: true,
      none: null,
      skipped: undefined,
    };
    const text = googleJson(value);
    expect(text).toBe(
      '{"candidates": [{"content": {"parts": [{"text": "a: b, c"}],"role": "model"},"index": 0}],"flag": true,"none": null}',
    );
    expect(JSON.parse(text)).toEqual({ candidates: value.candidates, flag: true, none: null });
  });

  it('escapes strings and keys as JSON does', () => {
    expect(googleJson({ 'k"\n': 'v\u2028"' })).toBe(`{${JSON.stringify('k"\n')}: ${JSON.stringify('v\u2028"')}}`);
    expect(googleJson([1, 'x', [undefined]])).toBe('[1,"x",[null]]');
  });
});
