import { describe, expect, it } from 'vitest';
import { addUsage, emptyUsage } from './usage.js';

describe('usage', () => {
  it('starts at zero', () => {
    expect(emptyUsage()).toEqual({ promptTokens: 0, completionTokens: 0, totalTokens: 0 });
  });

  it('adds the required counts', () => {
    expect(
      addUsage(
        { promptTokens: 10, completionTokens: 5, totalTokens: 15 },
        { promptTokens: 3, completionTokens: 4, totalTokens: 7 },
      ),
    ).toEqual({
      promptTokens: 13,
      completionTokens: 9,
      totalTokens: 22,
    });
  });

  it('adds optional counts present on either side', () => {
    expect(
      addUsage(
        { promptTokens: 100, completionTokens: 20, totalTokens: 120, cachedPromptTokens: 64, reasoningTokens: 8 },
        { promptTokens: 50, completionTokens: 10, totalTokens: 60, cachedPromptTokens: 32, cacheCreationTokens: 12 },
      ),
    ).toEqual({
      promptTokens: 150,
      completionTokens: 30,
      totalTokens: 180,
      cachedPromptTokens: 96,
      cacheCreationTokens: 12,
      reasoningTokens: 8,
    });
  });

  it('does not mutate its inputs', () => {
    const a = { promptTokens: 1, completionTokens: 1, totalTokens: 2 };
    addUsage(a, a);
    expect(a).toEqual({ promptTokens: 1, completionTokens: 1, totalTokens: 2 });
  });
});
