import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCommand } from './run-command.js';

const require = createRequire(import.meta.url);
const PACKAGE_DIRECTORY = fileURLToPath(new URL('..', import.meta.url));

/** `rig-schema`, run from its built file (pnpm links a workspace bin only when it exists at install time). */
function rigSchemaCli(): string {
  const manifestPath = require.resolve('@rig-ts/schema-gen/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: { 'rig-schema': string } };
  return join(dirname(manifestPath), manifest.bin['rig-schema']);
}

describe('schemas.gen.ts', () => {
  it('is what rig-schema generates from schemas.ts today (run `pnpm schemas` after changing the types)', async () => {
    const result = await runCommand(
      process.execPath,
      [rigSchemaCli(), 'src/schemas.ts', '-o', 'src/schemas.gen.ts', '--check'],
      {
        cwd: PACKAGE_DIRECTORY,
        env: process.env,
        timeoutMs: 60_000,
      },
    );
    expect({ code: result.code, stdout: result.stdout, stderr: result.stderr }).toEqual({
      code: 0,
      stdout: 'src/schemas.gen.ts is up to date (2 schemas)\n',
      stderr: '',
    });
  });
});
