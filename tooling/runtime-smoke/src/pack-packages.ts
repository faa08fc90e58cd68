import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PublishedPackage } from './list-published-packages.js';
import { runCommand } from './run-command.js';

/** The file name `pnpm pack` gives a package's tarball (`@rig-ts/core` 0.1.0 → `rig-ts-core-0.1.0.tgz`). */
export function tarballName(name: string, version: string): string {
  return `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;
}

/**
 * Packs every package into `destination` with one `pnpm pack` run, exactly as `pnpm publish` would pack it
 * (`workspace:` ranges replaced by versions); returns the tarball path of each package by name.
 */
export async function packPackages(
  packages: readonly PublishedPackage[],
  destination: string,
  workspaceRoot: string,
): Promise<Map<string, string>> {
  const filters = packages.flatMap((item) => ['--filter', item.name]);
  const result = await runCommand('pnpm', ['--recursive', ...filters, 'pack', '--pack-destination', destination], {
    cwd: workspaceRoot,
    timeoutMs: 300_000,
  });
  if (result.code !== 0) throw new Error(`pnpm pack failed (exit ${result.code}):\n${result.stdout}${result.stderr}`);
  const tarballs = new Map<string, string>();
  for (const item of packages) {
    const path = join(destination, tarballName(item.name, item.version));
    if (!existsSync(path))
      throw new Error(`pnpm pack wrote no ${path} for ${item.name}:\n${result.stdout}${result.stderr}`);
    tarballs.set(item.name, path);
  }
  return tarballs;
}
