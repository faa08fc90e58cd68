import { describe, expect, it } from 'vitest';
import { estimateSentiment } from './estimate-sentiment.js';

describe('estimateSentiment', () => {
  it.each([
    ['I love this product!', 0.75],
    ["Analyze the sentiment of: 'I love this product!'", 0.75],
    ['I love this product', 0.67],
    ['Great service and an excellent, amazing team.', 0.83],
    ['It is good', 0.5],
    ['It is not good', -0.5],
    ["I don't really like it", -0.5],
    ['This is the worst, I hate it!', -0.83],
    ['The update is slow and the menu is broken.', -0.75],
    ['Good food, bad service', 0],
    ['The package arrived on Tuesday.', 0],
    ['', 0],
    ['!!!', 0],
    ['I ❤️ this — it’s AMAZING', 0.67],
  ])('%j → %d', (text, expected) => {
    expect(estimateSentiment(text)).toBe(expected);
  });

  it('stays inside -1..1 however many words pile up', () => {
    expect(estimateSentiment('love '.repeat(1000))).toBe(1);
    expect(estimateSentiment('hate '.repeat(1000))).toBe(-1);
  });
});
