import { describe, expect, it } from 'vitest';
import { mapOllamaFinishReason } from './map-ollama-finish-reason.js';

describe('mapOllamaFinishReason', () => {
  it.each([
    ['stop', 'stop'],
    ['length', 'length'],
    ['load', 'other'],
    ['unload', 'other'],
    ['something-new', 'other'],
    [undefined, 'stop'],
  ] as const)('%s → %s', (reason, expected) => {
    expect(mapOllamaFinishReason(reason)).toBe(expected);
  });
});
