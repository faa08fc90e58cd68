import { describe, expect, it } from 'vitest';
import { SentimentAnalysis, WeatherArguments } from './index.js';

describe('schemas.gen.ts', () => {
  it('validates what the interfaces allow and rejects what they do not', () => {
    expect(SentimentAnalysis.validate({ score: 0.5, label: 'positive' })).toEqual({
      success: true,
      value: { score: 0.5, label: 'positive' },
    });
    expect(SentimentAnalysis.validate({ score: 2, label: 'positive' }).success).toBe(false);
    expect(WeatherArguments.validate({ city: 'Paris', unit: 'celsius' }).success).toBe(true);
    expect(WeatherArguments.validate({ city: 'Paris', unit: 'kelvin' }).success).toBe(false);
    expect([SentimentAnalysis.name, SentimentAnalysis.description, WeatherArguments.name]).toEqual([
      'SentimentAnalysis',
      "The sentiment of a text: rig-ts's typed-output example.",
      'WeatherArguments',
    ]);
  });
});
