import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listPublishedPackages } from './list-published-packages.js';
import { packPackages, tarballName } from './pack-packages.js';
import { runCommand } from './run-command.js';

const REPOSITORY_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('tarballName', () => {
  it.each([
    ['rig-ts', '0.1.0', 'rig-ts-0.1.0.tgz'],
    ['@rig-ts/core', '1.2.3', 'rig-ts-core-1.2.3.tgz'],
  ])('%s %s', (name, version, expected) => {
    expect(tarballName(name, version)).toBe(expected);
  });
});

describe('packPackages', () => {
  it('packs as pnpm publish would: workspace ranges become versions', async () => {
    const facade = listPublishedPackages(REPOSITORY_ROOT).filter((item) => item.name === 'rig-ts');
    const destination = await mkdtemp(join(tmpdir(), 'rig-pack-test-'));
    try {
      const tarballs = await packPackages(facade, destination, REPOSITORY_ROOT);
      expect([...tarballs.keys()]).toEqual(['rig-ts']);
      const manifest = await runCommand('tar', ['-xzOf', tarballs.get('rig-ts')!, 'package/package.json'], {
        cwd: destination,
        timeoutMs: 30_000,
      });
      const dependencies = (JSON.parse(manifest.stdout) as { dependencies: Record<string, string> }).dependencies;
      expect(Object.keys(dependencies).length).toBeGreaterThan(0);
      for (const [name, range] of Object.entries(dependencies)) expect(range, name).toMatch(/^\^\d+\.\d+\.\d+$/);
    } finally {
      await rm(destination, { recursive: true, force: true });
    }
  });
});
