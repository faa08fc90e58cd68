import { describe, expect, it } from 'vitest';
import { convertOllamaUsage } from './convert-ollama-usage.js';

describe('convertOllamaUsage', () => {
  it.each([
    [
      'both counts (docs/api/usage)',
      { prompt_eval_count: 11, eval_count: 18 },
      { promptTokens: 11, completionTokens: 18, totalTokens: 29 },
    ],
    [
      'no prompt count (prompt cached by the server)',
      { eval_count: 5 },
      { promptTokens: 0, completionTokens: 5, totalTokens: 5 },
    ],
    ['no counts (a model load)', {}, { promptTokens: 0, completionTokens: 0, totalTokens: 0 }],
  ])('%s', (_case, response, expected) => {
    expect(convertOllamaUsage(response)).toEqual(expected);
  });
});
