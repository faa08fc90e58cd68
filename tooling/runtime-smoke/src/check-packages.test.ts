import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkPackages } from './check-packages.js';
import { FIXTURES_DIRECTORY } from './test-utils/pack-fixture.js';

const TYPE_RESOLUTION_DIRECTORY = fileURLToPath(new URL('../type-resolution/', import.meta.url));
const HEADER =
  'package hygiene: {count} published packages (publint --strict, attw --profile esm-only, tsc with moduleResolution node16, bundler, nodenext)';

let repository: string | undefined;
afterEach(() => (repository ? rm(repository, { recursive: true, force: true }) : undefined));

/** A copy of the fixture repository outside this workspace (pnpm would otherwise pack from the workspace root). */
async function fixtureRepository(packages: readonly string[]): Promise<string> {
  repository = await mkdtemp(join(tmpdir(), 'rig-hygiene-test-'));
  for (const name of packages)
    await cp(join(FIXTURES_DIRECTORY, 'packages', name), join(repository, 'packages', name), { recursive: true });
  return repository;
}

describe('checkPackages', () => {
  it('passes a repository of clean packages (private ones are not checked)', async () => {
    const lines: string[] = [];
    const clean = await checkPackages(
      await fixtureRepository(['clean-package', 'private-package']),
      TYPE_RESOLUTION_DIRECTORY,
      (line) => lines.push(line),
    );
    expect(lines.slice(0, -1)).toEqual([
      HEADER.replace('{count}', '1'),
      '  ok   clean-package',
      '  ok   2 entry points compile with moduleResolution node16',
      '  ok   2 entry points compile with moduleResolution bundler',
      '  ok   2 entry points compile with moduleResolution nodenext',
    ]);
    expect(lines.at(-1)).toMatch(/^package hygiene: clean in \d+\.\d s$/);
    expect(clean).toBe(true);
  });

  it('fails a repository with a broken and an untyped package, naming each finding, with the attw table', async () => {
    const lines: string[] = [];
    const clean = await checkPackages(
      await fixtureRepository(['broken-package', 'clean-package', 'untyped-package']),
      TYPE_RESOLUTION_DIRECTORY,
      (line) => lines.push(line),
    );
    expect(clean).toBe(false);
    expect(lines[0]).toBe(HEADER.replace('{count}', '3'));
    expect(lines[1]).toBe(
      [
        '  FAIL broken-package',
        '         publint error EXPORTS_TYPES_SHOULD_BE_FIRST: pkg.exports["."].types should be the first in the object as conditions are order-sensitive so it can be resolved by TypeScript.',
        '         attw InternalResolutionError (node16): Internal resolution error https://github.com/arethetypeswrong/arethetypeswrong.github.io/blob/main/docs/problems/InternalResolutionError.md',
      ].join('\n'),
    );
    expect(lines[2]).toMatch(
      /^\n {9}attw \S+broken-package-1\.0\.0\.tgz --profile esm-only \(exit 1\):\n[\s\S]*│ "broken-package" │ Internal resolution error │ OK /,
    );
    expect(lines[3]).toBe('  ok   clean-package');
    expect(lines[4]).toBe('  FAIL untyped-package\n         attw: untyped-package ships no types');
    expect(lines[5]).toMatch(
      /^\n {9}attw \S+untyped-package-1\.0\.0\.tgz --profile esm-only \(exit 0\):\n {9}\n {9}This package does not contain types\./,
    );
    expect(lines.slice(6, 9).map((line) => line.split('\n').filter((part) => /^ {9}\S/.test(part)).length)).toEqual([
      2, 1, 2,
    ]);
    expect(lines.slice(6, 9).map((line) => line.split('\n')[0])).toEqual([
      '  FAIL 4 entry points compile with moduleResolution node16',
      '  FAIL 4 entry points compile with moduleResolution bundler',
      '  FAIL 4 entry points compile with moduleResolution nodenext',
    ]);
    expect(lines[9]).toMatch(/^package hygiene: problems found \(see FAIL above\) in \d+\.\d s$/);
    expect(lines).toHaveLength(10);
  });
});
