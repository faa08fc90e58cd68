import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SentimentAnalysis, WeatherArguments } from './index.js';

const require = createRequire(import.meta.url);

/** `rig-schema`, run from its built file (pnpm links a workspace bin only when it exists at install time). */
function rigSchemaCli(): string {
  const manifestPath = require.resolve('@rig-ts/schema-gen/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: { 'rig-schema': string } };
  return join(dirname(manifestPath), manifest.bin['rig-schema']);
}

describe('schemas.gen.ts', () => {
  it('is what rig-schema generates from schemas.ts today (run `pnpm schemas` after changing the types)', async () => {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [rigSchemaCli(), 'src/schemas.ts', '-o', 'src/schemas.gen.ts', '--check'],
      {
        cwd: fileURLToPath(new URL('..', import.meta.url)),
      },
    );
    expect({ stdout, stderr }).toEqual({ stdout: 'src/schemas.gen.ts is up to date (2 schemas)\n', stderr: '' });
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
