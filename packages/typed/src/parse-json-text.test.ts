import { describe, expect, it } from 'vitest';
import { parseJsonText } from './parse-json-text.js';

describe('parseJsonText', () => {
  it.each([
    ['strict JSON', '{"score":0.9,"label":"positive"}', { score: 0.9, label: 'positive' }],
    ['strict JSON with surrounding whitespace', '\n  {"a":1}\n', { a: 1 }],
    ['a strict array', '[1,2,3]', [1, 2, 3]],
    ['a strict string', '"just text"', 'just text'],
    ['a strict number', '42', 42],
    ['a fenced json block', 'Here you go:\n```json\n{"a":{"b":[1,2]}}\n```\nAnything else?', { a: { b: [1, 2] } }],
    ['a fenced block without language', '```\n[{"a":1}]\n```', [{ a: 1 }]],
    [
      'an object inside prose',
      'The answer is {"label":"positive","score":1} as requested.',
      { label: 'positive', score: 1 },
    ],
    ['an array inside prose', 'Result: [1, {"x": "]"}] done', [1, { x: ']' }]],
    ['braces inside strings', 'Sure: {"text":"a } and a { and \\" quote"} ok', { text: 'a } and a { and " quote' }],
    ['the first balanced value that parses', 'Use {curly braces} like {"a":1}', { a: 1 }],
    ['an unclosed candidate before a complete one', 'prefix { not closed [ {"ok":true}', { ok: true }],
  ])('reads %s', (_name, text, value) => {
    expect(parseJsonText(text)).toEqual({ success: true, value });
  });

  it.each([
    ['prose only', 'I cannot answer that.'],
    ['truncated JSON', '{"score":0.9,"label":"posi'],
    ['mismatched brackets', '{"a":[1,2}'],
    ['empty text', ''],
  ])('fails on %s', (_name, text) => {
    expect(parseJsonText(text)).toEqual({ success: false });
  });
});
