import { describe, expect, it } from 'vitest';
import { splitText } from './split-text.js';

describe('splitText', () => {
  it('splits word by word, whitespace leading each word', () => {
    expect(splitText('The capital of France is Paris.')).toEqual([
      'The',
      ' capital',
      ' of',
      ' France',
      ' is',
      ' Paris.',
    ]);
    expect(splitText('  two\n\nlines  ')).toEqual(['  two', '\n\nlines  ']);
  });

  it('keeps text that is only whitespace as one piece', () => {
    expect(splitText('   ')).toEqual(['   ']);
  });

  it('gives no piece for empty text', () => {
    expect(splitText('')).toEqual([]);
    expect(splitText('', 3)).toEqual([]);
  });

  it('splits by size in code points, never inside a surrogate pair', () => {
    expect(splitText('abcdefg', 3)).toEqual(['abc', 'def', 'g']);
    expect(splitText('a😀b😀', 2)).toEqual(['a😀', 'b😀']);
    expect(splitText('abc', 10)).toEqual(['abc']);
  });

  it('the pieces always join back to the text', () => {
    const text = 'You said: "hello, wörld 😀".\n  End ';
    for (const size of [undefined, 1, 2, 5, 100]) expect(splitText(text, size).join('')).toBe(text);
  });
});
