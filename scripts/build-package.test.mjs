// Tests of the shared package build (run by the root `pnpm test` with node's test runner): which entry points it
// builds, that dependencies stay imports, that two entry points share one copy of common code, and the source maps.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { bundlePackage, entryPoints } from './build-package.mjs';

function fixturePackage(files) {
  const directory = mkdtempSync(join(tmpdir(), 'build-package-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(directory, path)), { recursive: true });
    writeFileSync(join(directory, path), typeof text === 'string' ? text : JSON.stringify(text));
  }
  return directory;
}

const manifest = {
  name: '@probe/build',
  type: 'module',
  exports: {
    '.': { types: './dist/index.d.ts', default: './dist/index.js' },
    './internal': { types: './dist/internal.d.ts', default: './dist/internal.js' },
    './package.json': './package.json',
  },
  bin: { probe: './bin/probe.js' },
  dependencies: { 'some-dependency': '1.0.0' },
};

const sources = {
  'package.json': manifest,
  'tsconfig.build.json': {
    compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', verbatimModuleSyntax: true },
  },
  'bin/probe.js': '#!/usr/bin/env node\nimport "../dist/cli/main.js";\n',
  'src/shared-error.ts': 'export class SharedError extends Error {\n  readonly code = "shared";\n}\n',
  'src/index.ts':
    "import { helper } from 'some-dependency';\nexport { SharedError } from './shared-error.js';\nexport const answer: number = helper(42);\n",
  'src/internal.ts':
    "export { SharedError } from './shared-error.js';\nexport function internalOnly(): string {\n  return 'internal';\n}\n",
  'src/cli/main.ts': "import { SharedError } from '../shared-error.js';\nconsole.log(new SharedError('cli').code);\n",
};

test('builds one entry per exports entry and per bin file, from src/', () => {
  const directory = fixturePackage(sources);
  assert.deepEqual(entryPoints(directory), [
    join(directory, 'src/cli/main.ts'),
    join(directory, 'src/index.ts'),
    join(directory, 'src/internal.ts'),
  ]);
});

test('refuses an exports target outside dist/ or without a source', () => {
  const outside = fixturePackage({
    ...sources,
    'package.json': { ...manifest, exports: { '.': { types: './lib/index.d.ts', default: './lib/index.js' } } },
  });
  assert.throws(() => entryPoints(outside), /@probe\/build exports \.: \.\/lib\/index\.js is not \.\/dist\/<name>\.js/);
  const missing = fixturePackage({
    ...sources,
    'package.json': { ...manifest, exports: { '.': { types: './dist/gone.d.ts', default: './dist/gone.js' } } },
  });
  assert.throws(() => entryPoints(missing), /@probe\/build exports \.: \.\/dist\/gone\.js has no source src\/gone\.ts/);
});

test('bundles each entry into one file, keeps dependencies external, shares common code through one chunk', async () => {
  const directory = fixturePackage(sources);
  await bundlePackage(directory);
  const dist = join(directory, 'dist');
  const index = readFileSync(join(dist, 'index.js'), 'utf8');
  const internal = readFileSync(join(dist, 'internal.js'), 'utf8');
  const cli = readFileSync(join(dist, 'cli', 'main.js'), 'utf8');
  assert.match(index, /import \{ helper \} from "some-dependency";/);
  assert.doesNotMatch(internal, /some-dependency/);
  assert.match(internal, /function internalOnly\(\)/);
  assert.doesNotMatch(index, /internalOnly/);
  const chunks = readdirSync(join(dist, 'chunks')).filter((file) => file.endsWith('.js'));
  const classHolders = [
    index,
    internal,
    cli,
    ...chunks.map((file) => readFileSync(join(dist, 'chunks', file), 'utf8')),
  ].filter((text) => /SharedError = class extends Error/.test(text));
  assert.equal(classHolders.length, 1, 'SharedError is defined once, in a shared chunk');
  for (const file of ['index.js.map', 'internal.js.map', 'cli/main.js.map'])
    assert.ok(existsSync(join(dist, file)), `${file} is written`);
  assert.deepEqual(
    JSON.parse(readFileSync(join(dist, 'index.js.map'), 'utf8')).sources.filter((source) =>
      source.endsWith('index.ts'),
    ),
    ['../src/index.ts'],
  );
});
