import { fileURLToPath } from 'node:url';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryPointsOf, listPublishedPackages } from './list-published-packages.js';
import { FIXTURES_DIRECTORY } from './test-utils/pack-fixture.js';

const REPOSITORY_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('entryPointsOf', () => {
  it.each([
    ['no exports', undefined, ['pkg']],
    ['a string', './index.js', ['pkg']],
    ['conditions at the top', { types: './index.d.ts', import: './index.js' }, ['pkg']],
    [
      'subpaths, ./package.json left out',
      { '.': './index.js', './extra': './extra.js', './package.json': './package.json' },
      ['pkg', 'pkg/extra'],
    ],
    ['subpaths without a root', { './a': './a.js' }, ['pkg/a']],
  ])('%s', (_name, exports, expected) => {
    expect(entryPointsOf('pkg', exports)).toEqual(expected);
  });
});

describe('listPublishedPackages', () => {
  it('lists the non-private packages of a packages/ folder, sorted, with their entry points', () => {
    const directory = (name: string) => join(FIXTURES_DIRECTORY, 'packages', name);
    expect(listPublishedPackages(FIXTURES_DIRECTORY)).toEqual([
      {
        name: 'broken-package',
        version: '1.0.0',
        directory: directory('broken-package'),
        entryPoints: ['broken-package'],
      },
      {
        name: 'clean-package',
        version: '1.0.0',
        directory: directory('clean-package'),
        entryPoints: ['clean-package', 'clean-package/extra'],
      },
      {
        name: 'untyped-package',
        version: '1.0.0',
        directory: directory('untyped-package'),
        entryPoints: ['untyped-package'],
      },
    ]);
  });

  it("finds this repository's published packages, subpath entry points included, and none of the private ones", () => {
    const packages = listPublishedPackages(REPOSITORY_ROOT);
    const names = packages.map((item) => item.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'rig-ts',
        '@rig-ts/core',
        '@rig-ts/openai',
        '@rig-ts/anthropic',
        '@rig-ts/testkit',
        '@rig-ts/typed',
      ]),
    );
    expect(names).not.toContain('@rig-ts/fixtures');
    expect(names).not.toContain('@rig-ts/runtime-smoke');
    expect(packages.find((item) => item.name === '@rig-ts/testkit')).toEqual({
      name: '@rig-ts/testkit',
      version: expect.any(String),
      directory: join(REPOSITORY_ROOT, 'packages', 'testkit'),
      entryPoints: expect.arrayContaining([
        '@rig-ts/testkit',
        '@rig-ts/testkit/simulator',
        '@rig-ts/testkit/cassette',
        '@rig-ts/testkit/cassette-file',
      ]),
    });
  });

  it('holds only published packages in packages/: private tooling lives in tooling/', () => {
    const packagesDirectory = join(REPOSITORY_ROOT, 'packages');
    const folders = readdirSync(packagesDirectory).filter((folder) =>
      existsSync(join(packagesDirectory, folder, 'package.json')),
    );
    const published = listPublishedPackages(REPOSITORY_ROOT).map((item) => item.directory);
    expect(folders.map((folder) => join(packagesDirectory, folder))).toEqual(published);
  });
});
