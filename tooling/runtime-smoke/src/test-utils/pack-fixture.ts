import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand } from '../run-command.js';

/** `test-fixtures/`: a `packages/` folder of small packages, clean and broken. */
export const FIXTURES_DIRECTORY = fileURLToPath(new URL('../../test-fixtures/', import.meta.url));

/** Packs `test-fixtures/packages/<name>` with `npm pack` into `destination`; returns the tarball's path. */
export async function packFixtureTo(name: string, destination: string): Promise<string> {
  const result = await runCommand('npm', ['pack', '--silent', '--pack-destination', destination], {
    cwd: join(FIXTURES_DIRECTORY, 'packages', name),
    timeoutMs: 60_000,
  });
  if (result.code !== 0) throw new Error(`npm pack of ${name} failed:\n${result.stdout}${result.stderr}`);
  return join(destination, result.stdout.trim());
}

/** The tarball of `test-fixtures/packages/<name>`. */
export async function packFixture(name: string): Promise<Uint8Array> {
  const destination = await mkdtemp(join(tmpdir(), 'rig-fixture-pack-'));
  try {
    return new Uint8Array(await readFile(await packFixtureTo(name, destination)));
  } finally {
    await rm(destination, { recursive: true, force: true });
  }
}
