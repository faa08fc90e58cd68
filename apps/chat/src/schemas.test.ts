import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateSchemas } from '@rig-ts/schema-gen';
import { describe, expect, it } from 'vitest';
import { SentimentAnalysis } from './schemas.gen.js';

const app = fileURLToPath(new URL('..', import.meta.url));

describe('schemas.gen.ts', () => {
  it('is what rig-schema generates from schemas.ts today (run `pnpm schemas` after changing the types)', () => {
    const { code, schemas } = generateSchemas({ files: ['src/schemas.ts'], output: 'src/schemas.gen.ts', cwd: app });
    expect(schemas.map((schema) => schema.typeName)).toEqual(['SentimentAnalysis', 'WeatherQuery', 'Calculation']);
    expect(readFileSync(new URL('schemas.gen.ts', import.meta.url), 'utf8')).toBe(code);
  });

  it('holds SentimentAnalysis: a score from -1.0 to 1.0 and a label', () => {
    expect(SentimentAnalysis.name).toBe('SentimentAnalysis');
    expect(SentimentAnalysis.jsonSchema).toEqual({
      description: 'The sentiment of a text.',
      type: 'object',
      properties: {
        score: { description: 'The sentiment score from -1.0 to 1.0', minimum: -1, maximum: 1, type: 'number' },
        label: { description: 'The sentiment label', type: 'string' },
      },
      required: ['label', 'score'],
    });
    expect(SentimentAnalysis.validate({ score: 0.9, label: 'positive' })).toEqual({
      success: true,
      value: { score: 0.9, label: 'positive' },
    });
    expect(SentimentAnalysis.validate({ score: 1.5, label: 'positive' }).success).toBe(false);
  });
});
