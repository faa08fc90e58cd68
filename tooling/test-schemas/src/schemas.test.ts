import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateSchemas } from '@rig-ts/schema-gen';
import { describe, expect, it } from 'vitest';
import { SentimentAnalysis, WeatherArguments } from './index.js';

const PACKAGE_DIRECTORY = fileURLToPath(new URL('..', import.meta.url));

describe('schemas.gen.ts', () => {
  it('is what rig-schema generates from schemas.ts today (run `pnpm schemas` after changing the types)', () => {
    const { code, schemas } = generateSchemas({
      files: ['src/schemas.ts'],
      output: 'src/schemas.gen.ts',
      cwd: PACKAGE_DIRECTORY,
    });
    expect(schemas.map((schema) => schema.typeName)).toEqual(['SentimentAnalysis', 'WeatherArguments']);
    expect(readFileSync(new URL('schemas.gen.ts', import.meta.url), 'utf8')).toBe(code);
  });

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
