import { describe, expect, it } from 'vitest';
import { anthropicModelCapabilities } from './anthropic-model-capabilities.js';

describe('anthropicModelCapabilities', () => {
  it.each([
    ['claude-opus-4-6', 128_000, true],
    ['claude-opus-4-8', 128_000, true],
    ['claude-opus-4-5', 64_000, true],
    ['claude-opus-4-5-20251101', 64_000, true],
    ['claude-opus-4-1-20250805', 32_000, true],
    ['claude-opus-4-20250514', 32_000, false],
    ['claude-opus-4-0', 32_000, false],
    ['claude-sonnet-4-5', 64_000, true],
    ['claude-sonnet-4-5-20250929', 64_000, true],
    ['claude-sonnet-4-6', 64_000, true],
    ['claude-sonnet-4-0', 64_000, false],
    ['claude-sonnet-4-20250514', 64_000, false],
    ['claude-haiku-4-5', 64_000, true],
    ['claude-haiku-4-5-20251001', 64_000, true],
    ['claude-3-7-sonnet-latest', 64_000, false],
    ['claude-3-5-haiku-20241022', 8192, false],
    ['claude-3-5-sonnet-latest', 8192, false],
    ['claude-3-haiku-20240307', 4096, false],
    ['claude-3-opus-20240229', 4096, false],
    ['claude-sonnet-5', 64_000, true],
    ['claude-opus-5', 64_000, true],
    ['claude-fable-5', 4096, false],
    ['my-proxy-model', 4096, false],
  ] as const)('%s: %d output tokens, JSON-schema output %s', (modelId, maxOutputTokens, nativeStructuredOutput) => {
    expect(anthropicModelCapabilities(modelId)).toEqual({ maxOutputTokens, nativeStructuredOutput });
  });
});
