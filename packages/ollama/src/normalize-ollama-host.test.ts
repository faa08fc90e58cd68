import { describe, expect, it } from 'vitest';
import { normalizeOllamaHost } from './normalize-ollama-host.js';

describe('normalizeOllamaHost', () => {
  it.each([
    ['127.0.0.1', 'http://127.0.0.1:11434'],
    ['localhost:11500', 'http://localhost:11500'],
    ['0.0.0.0', 'http://0.0.0.0:11434'],
    [':11435', 'http://127.0.0.1:11435'],
    ['[::1]:8080', 'http://[::1]:8080'],
    ['ollama.internal', 'http://ollama.internal:11434'],
    ['http://gpu-box:11434/', 'http://gpu-box:11434'],
    ['https://ollama.example.com', 'https://ollama.example.com'],
    ['https://example.com/ollama/', 'https://example.com/ollama'],
    ['  http://10.0.0.5:9000  ', 'http://10.0.0.5:9000'],
  ])('%s → %s', (host, expected) => {
    expect(normalizeOllamaHost(host)).toBe(expected);
  });
});
