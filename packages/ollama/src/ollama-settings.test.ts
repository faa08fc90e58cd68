import { describe, expect, it } from 'vitest';
import { OLLAMA_DEFAULTS } from './ollama-settings.js';

describe('OLLAMA_DEFAULTS', () => {
  it('is the local server on its default port', () => {
    expect(OLLAMA_DEFAULTS).toEqual({ baseURL: 'http://127.0.0.1:11434', port: 11434 });
  });
});
