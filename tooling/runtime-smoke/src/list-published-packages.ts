import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** A package under `packages/` that is published (not `private`). */
export interface PublishedPackage {
  name: string;
  version: string;
  /** Absolute path of the package's folder. */
  directory: string;
  /** The import specifiers of its entry points: the name, plus `name/subpath` for every other `exports` key but `./package.json`. */
  entryPoints: string[];
}

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  exports?: string | Record<string, unknown>;
}

/** The entry points a package's `exports` map offers (`.` and subpaths; `./package.json` left out). */
export function entryPointsOf(name: string, exports: Manifest['exports']): string[] {
  if (exports === undefined || typeof exports === 'string') return [name];
  const keys = Object.keys(exports);
  if (!keys.every((key) => key.startsWith('.'))) return [name]; // a conditions object at the top: one entry point
  return keys.filter((key) => key !== './package.json').map((key) => (key === '.' ? name : `${name}/${key.slice(2)}`));
}

/** Every non-private `packages/<folder>/package.json` of the repository, sorted by folder; found by listing, so new packages are included. */
export function listPublishedPackages(repositoryRoot: string): PublishedPackage[] {
  const packagesDirectory = join(repositoryRoot, 'packages');
  const published: PublishedPackage[] = [];
  for (const folder of readdirSync(packagesDirectory).sort()) {
    const manifestPath = join(packagesDirectory, folder, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    if (manifest.private === true) continue;
    published.push({
      name: manifest.name,
      version: manifest.version,
      directory: join(packagesDirectory, folder),
      entryPoints: entryPointsOf(manifest.name, manifest.exports),
    });
  }
  return published;
}
