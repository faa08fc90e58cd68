import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

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
});
