import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SentimentAnalysis } from './schemas.gen.js';

const app = fileURLToPath(new URL('..', import.meta.url));

describe('schemas.gen.ts', () => {
  it('is what rig-schema generates from schemas.ts today (rig-schema --check)', () => {
    const cli = join(
      dirname(createRequire(import.meta.url).resolve('@rig-ts/schema-gen/package.json')),
      'dist',
      'cli.js',
    );
    const result = spawnSync(process.execPath, [cli, 'src/schemas.ts', '-o', 'src/schemas.gen.ts', '--check'], {
      cwd: app,
      encoding: 'utf8',
    });
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
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
