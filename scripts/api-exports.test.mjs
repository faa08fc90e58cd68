// The checked-in export lists (packages/<name>/api/exports.json) against the built packages, run by the root
// `pnpm test` after the build: a change of public surface fails here until `pnpm api:update` records it.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { collectExports, describeDifference, publishedPackages, readCheckedIn } from './api-exports.mjs';

test('every published package matches its api/exports.json (update with `pnpm api:update`)', async () => {
  const packages = publishedPackages();
  assert.ok(packages.length >= 20, `found ${packages.length} published packages`);
  const surface = await collectExports(packages);
  const differences = packages.flatMap((item) =>
    describeDifference(item.name, readCheckedIn(item), surface[item.name]),
  );
  assert.deepEqual(
    differences,
    [],
    `the public surface changed; run \`pnpm api:update\` and review:\n${differences.join('\n')}`,
  );
});

test('reads values from the built module and type-only names from its declarations', async () => {
  const root = mkdtempSync(join(tmpdir(), 'api-exports-'));
  const directory = join(root, 'packages', 'probe');
  mkdirSync(join(directory, 'dist'), { recursive: true });
  const manifest = {
    name: '@probe/probe',
    type: 'module',
    exports: {
      '.': { types: './dist/index.d.ts', default: './dist/index.js' },
      './internal': { types: './dist/internal.d.ts', default: './dist/internal.js' },
      './package.json': './package.json',
    },
  };
  writeFileSync(join(directory, 'package.json'), JSON.stringify(manifest));
  writeFileSync(join(directory, 'dist', 'index.js'), 'export class Client {}\nexport const VERSION = "1";\n');
  writeFileSync(
    join(directory, 'dist', 'index.d.ts'),
    'export declare class Client {}\nexport declare const VERSION = "1";\nexport interface Options { a?: string }\ndeclare class Model {}\nexport type { Model };\n',
  );
  writeFileSync(join(directory, 'dist', 'internal.js'), 'export function helper() {}\n');
  writeFileSync(join(directory, 'dist', 'internal.d.ts'), 'export declare function helper(): void;\n');
  const [item] = publishedPackages(root);
  assert.deepEqual(await collectExports([item]), {
    '@probe/probe': {
      '.': { values: ['Client', 'VERSION'], types: ['Model', 'Options'] },
      './internal': { values: ['helper'], types: [] },
    },
  });
  assert.deepEqual(
    describeDifference(
      '@probe/probe',
      { '.': { values: ['Client'], types: ['Options', 'Gone'] } },
      { '.': { values: ['Client', 'VERSION'], types: ['Options'] }, './internal': { values: ['helper'], types: [] } },
    ),
    [
      '@probe/probe .: values added: VERSION',
      '@probe/probe .: types removed: Gone',
      '@probe/probe ./internal: new entry point',
    ],
  );
  assert.deepEqual(describeDifference('@probe/probe', undefined, {}), ['@probe/probe: no api/exports.json yet']);
});

test('fails on a value the declarations do not export', async () => {
  const root = mkdtempSync(join(tmpdir(), 'api-exports-'));
  const directory = join(root, 'packages', 'untyped');
  mkdirSync(join(directory, 'dist'), { recursive: true });
  writeFileSync(
    join(directory, 'package.json'),
    JSON.stringify({
      name: 'untyped',
      type: 'module',
      exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
    }),
  );
  writeFileSync(join(directory, 'dist', 'index.js'), 'export const shown = 1;\nexport const hidden = 2;\n');
  writeFileSync(join(directory, 'dist', 'index.d.ts'), 'export declare const shown = 1;\n');
  await assert.rejects(
    collectExports(publishedPackages(root)),
    /untyped \. exports hidden at run time but not in its declarations/,
  );
});
