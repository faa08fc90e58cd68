import { describe, expect, it } from 'vitest';
import { genAiProviderName } from './gen-ai-provider-name.js';

describe('genAiProviderName', () => {
  it.each([
    ['openai', 'openai'],
    ['anthropic', 'anthropic'],
    ['gemini', 'gcp.gemini'],
    ['xai', 'x_ai'],
    ['mistral', 'mistral_ai'],
    ['azure', 'azure.ai.openai'],
    ['deepseek', 'deepseek'],
    ['groq', 'groq'],
    ['perplexity', 'perplexity'],
    ['ollama', 'ollama'],
    ['openrouter', 'openrouter'],
    ['cerebras', 'cerebras'],
    ['together', 'together'],
    ['constructor', 'constructor'],
  ])('%s → %s', (provider, expected) => {
    expect(genAiProviderName(provider)).toBe(expected);
  });
});
