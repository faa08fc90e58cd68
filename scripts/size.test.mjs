// Tests of the size-budget script (run by `pnpm test` with node's test runner): a bundle over its budget fails
// `--check` with a clear message; one within passes.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { measureBudgets, measureBuild } from './size.mjs';
import { gzipSync } from 'node:zlib';

const script = fileURLToPath(new URL('./size.mjs', import.meta.url));
const run = promisify(execFile);

function budgetsFile(maxGzipBytes) {
  const file = join(mkdtempSync(join(tmpdir(), 'size-budgets-')), 'budgets.json');
  writeFileSync(file, JSON.stringify([{ name: 'core probe', entry: 'size-entries/core-message-builder.js', goalGzipBytes: maxGzipBytes, maxGzipBytes }]));
  return file;
}

test('a bundle over its budget fails --check and is named', async () => {
  const error = await run(process.execPath, [script, '--check'], { env: { ...process.env, SIZE_BUDGETS: budgetsFile(1000) } }).catch((caught) => caught);
  assert.equal(error.code, 1);
  assert.match(error.stdout, /\| core probe \| \d+ \| \d+ \| 1000 \| 1000 \| OVER BUDGET \|/);
  assert.match(error.stderr, /1 bundle\(s\) over budget: core probe/);
});

test('a bundle within its budget passes --check', async () => {
  const { stdout } = await run(process.execPath, [script, '--check'], { env: { ...process.env, SIZE_BUDGETS: budgetsFile(100_000) } });
  assert.match(stdout, /\| core probe \| \d+ \| \d+ \| 100000 \| 100000 \| ok \|/);
});

test('measures what a page loads: tree-shaken, the lazy chunks apart', async () => {
  const [row] = await measureBudgets([{ name: 'core probe', entry: 'size-entries/core-message-builder.js', maxGzipBytes: 100_000 }]);
  assert.ok(row.gzip > 500 && row.gzip < 3072, `core probe is ${row.gzip} bytes gzip`);
  assert.equal(row.over, false);
  assert.equal(row.lazyGzip, 0);
});

test("measures an app's production build: the scripts its page loads, the lazy chunks apart", () => {
  const folder = mkdtempSync(join(tmpdir(), 'size-build-'));
  mkdirSync(join(folder, 'assets'));
  const entry = 'import"./shared.js";console.log("the entry of the page")';
  const shared = 'export const shared="preloaded by the page"';
  const lazy = 'export const lazy="loaded on demand, "+"x".repeat(40)';
  writeFileSync(join(folder, 'assets', 'index.js'), entry);
  writeFileSync(join(folder, 'assets', 'shared.js'), shared);
  writeFileSync(join(folder, 'assets', 'lazy.js'), lazy);
  writeFileSync(join(folder, 'index.html'), '<script type="module" crossorigin src="./assets/index.js"></script><link rel="modulepreload" crossorigin href="./assets/shared.js">');
  const gzip = (text) => gzipSync(text, { level: 9 }).length;
  assert.deepEqual(measureBuild(folder), { minified: entry.length + shared.length, gzip: gzip(entry) + gzip(shared), lazyGzip: gzip(lazy) });
  assert.throws(() => measureBuild(join(folder, 'assets')), /index\.html is missing: build the app first/);
});
