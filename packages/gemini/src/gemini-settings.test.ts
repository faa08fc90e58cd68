import { describe, expect, it } from 'vitest';
import { GEMINI_DEFAULTS } from './gemini-settings.js';

describe('GEMINI_DEFAULTS', () => {
  it('is the public Gemini API root', () => {
    expect(GEMINI_DEFAULTS).toEqual({ baseURL: 'https://generativelanguage.googleapis.com/v1beta' });
  });
});
