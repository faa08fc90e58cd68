import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { syncVersionConstants } from './sync-version-constants.mjs';

function probe(packages) {
  const root = mkdtempSync(join(tmpdir(), 'sync-version-'));
  for (const [folder, version, source] of packages) {
    mkdirSync(join(root, 'packages', folder, 'src'), { recursive: true });
    writeFileSync(
      join(root, 'packages', folder, 'package.json'),
      JSON.stringify({ name: `@probe/${folder}`, version }),
    );
    if (source !== undefined) writeFileSync(join(root, 'packages', folder, 'src', 'version.ts'), source);
  }
  return root;
}

test('writes the package.json version into src/version.ts, leaving the rest of the file and up-to-date files alone', () => {
  const root = probe([
    ['a', '0.1.0', "/** The version of `@probe/a`. */\nexport const VERSION = '0.0.0';\n"],
    ['b', '0.1.0', "export const VERSION = '0.1.0';\n"],
    ['c', '2.0.0', undefined],
  ]);
  assert.deepEqual(syncVersionConstants(root), [join(root, 'packages', 'a', 'src', 'version.ts')]);
  assert.equal(
    readFileSync(join(root, 'packages', 'a', 'src', 'version.ts'), 'utf8'),
    "/** The version of `@probe/a`. */\nexport const VERSION = '0.1.0';\n",
  );
  assert.deepEqual(syncVersionConstants(root), []);
});

test('refuses a version.ts it cannot update', () => {
  const root = probe([['a', '0.1.0', 'export const VERSION = "0.0.0";\n']]);
  assert.throws(() => syncVersionConstants(root), /has no line `export const VERSION = '…';`/);
});
