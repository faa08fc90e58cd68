import { describe, expect, it } from 'vitest';
import { capContent } from './cap-content.js';

const message = (text: string) => ({ role: 'user', parts: [{ type: 'text', content: text }] });

describe('capContent', () => {
  it('keeps JSON that fits as it is', () => {
    const value = [message('hello')];
    expect(capContent(value, 1000)).toBe(JSON.stringify(value));
  });

  it('cuts the longest strings first and stays valid JSON within the limit', () => {
    const value = [message('short'), message('x'.repeat(10_000))];
    const capped = capContent(value, 300);
    expect(capped.length).toBeLessThanOrEqual(300);
    const parsed = JSON.parse(capped) as ReturnType<typeof message>[];
    expect(parsed[0]).toEqual(message('short'));
    expect(parsed[1]!.parts[0]!.content).toMatch(/^x+…\[truncated\]$/);
    expect(parsed[1]!.role).toBe('user');
  });

  it('leaves out the oldest messages when cutting strings is not enough', () => {
    const value = Array.from({ length: 200 }, (_, index) => message(`turn ${index}`));
    const capped = capContent(value, 500);
    expect(capped.length).toBeLessThanOrEqual(500);
    const parsed = JSON.parse(capped) as ReturnType<typeof message>[];
    expect(parsed.at(-1)).toEqual(message('turn 199'));
    expect(parsed.length).toBeLessThan(200);
    expect(parsed.length).toBeGreaterThan(5);
  });

  it('records an oversized non-array as one cut JSON string', () => {
    const value = { a: Array.from({ length: 500 }, (_, index) => index) };
    const capped = capContent(value, 100);
    expect(capped.length).toBeLessThanOrEqual(100);
    expect(JSON.parse(capped)).toMatch(/^\{"a":\[0,1,2,.*…\[truncated\]$/);
  });

  it('escaping never pushes the result over the limit', () => {
    const value = { quotes: '"'.repeat(1000), more: '\\'.repeat(1000) };
    for (const limit of [40, 57, 100, 333]) {
      const capped = capContent(value, limit);
      expect(capped.length).toBeLessThanOrEqual(limit);
      expect(() => JSON.parse(capped)).not.toThrow();
    }
  });

  it('records a value JSON cannot hold as a note, never throwing', () => {
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    expect(capContent(cyclic, 100)).toBe('"[not serializable: TypeError]"');
    expect(capContent({ big: 10n }, 100)).toBe('"[not serializable: TypeError]"');
  });

  it('records undefined as null', () => {
    expect(capContent(undefined, 10)).toBe('null');
  });
});

describe('capContent at every small limit', () => {
  it('never exceeds the limit and always parses, from 16 characters up', () => {
    const value = [
      { role: 'user', parts: [{ type: 'text', content: 'x'.repeat(300) }] },
      { role: 'assistant', parts: [{ type: 'text', content: '"quoted" \\ and more' }] },
    ];
    for (let limit = 16; limit < 200; limit++) {
      const capped = capContent(value, limit);
      expect(capped.length, String(limit)).toBeLessThanOrEqual(limit);
      expect(() => JSON.parse(capped), String(limit)).not.toThrow();
    }
  });
});
