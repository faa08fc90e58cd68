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
import { describeBytes, formatTable, measureBudgets, measureBuild, measureBundle } from './size.mjs';
import { gzipSync } from 'node:zlib';

const script = fileURLToPath(new URL('./size.mjs', import.meta.url));
const run = promisify(execFile);

function budgetsFile(maxGzipBytes) {
  const file = join(mkdtempSync(join(tmpdir(), 'size-budgets-')), 'budgets.json');
  writeFileSync(
    file,
    JSON.stringify([
      { name: 'core probe', entry: 'size-entries/core-message-builder.js', goalGzipBytes: maxGzipBytes, maxGzipBytes },
    ]),
  );
  return file;
}

test('a bundle over its budget fails --check and is named', async () => {
  const error = await run(process.execPath, [script, '--check'], {
    env: { ...process.env, SIZE_BUDGETS: budgetsFile(1000) },
  }).catch((caught) => caught);
  assert.equal(error.code, 1);
  assert.match(error.stdout, /\| core probe \| \d+ \| \d+ \| 1000 \| {2}\| 1000 \| OVER BUDGET \|/);
  assert.match(error.stderr, /1 bundle\(s\) over budget: core probe/);
});

test('a bundle within its budget passes --check', async () => {
  const { stdout } = await run(process.execPath, [script, '--check'], {
    env: { ...process.env, SIZE_BUDGETS: budgetsFile(100_000) },
  });
  assert.match(stdout, /\| core probe \| \d+ \| \d+ \| 100000 \| {2}\| 100000 \| ok \|/);
});

test('measures what a page loads: tree-shaken, the lazy chunks apart', async () => {
  const [row] = await measureBudgets([
    { name: 'core probe', entry: 'size-entries/core-message-builder.js', maxGzipBytes: 100_000 },
  ]);
  assert.ok(row.gzip > 500 && row.gzip < 3072, `core probe is ${row.gzip} bytes gzip`);
  assert.equal(row.over, false);
  assert.equal(row.lazyGzip, 0);
  assert.deepEqual(Object.keys(row.byPackage).sort(), ['@rig-ts/core', 'the app']);
  assert.equal(Object.values(row.byPackage).reduce((sum, bytes) => sum + bytes, 0) <= row.minified, true);
  assert.equal(describeBytes({ ky: 300, '@rig-ts/core': 100 }), 'ky 300 (75%), @rig-ts/core 100 (25%)');
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
  writeFileSync(
    join(folder, 'index.html'),
    '<script type="module" crossorigin src="./assets/index.js"></script><link rel="modulepreload" crossorigin href="./assets/shared.js">',
  );
  const gzip = (text) => gzipSync(text, { level: 9 }).length;
  assert.deepEqual(measureBuild(folder), {
    minified: entry.length + shared.length,
    gzip: gzip(entry) + gzip(shared),
    lazyGzip: gzip(lazy),
  });
  assert.throws(() => measureBuild(join(folder, 'assets')), /index\.html is missing: build the app first/);
});

test('counts code behind import() as lazy when splitting, and in the bundle without splitting (esbuild --bundle)', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'size-split-'));
  const lazyText = 'loaded on demand '.repeat(50);
  writeFileSync(join(folder, 'lazy.js'), `export const lazy = ${JSON.stringify(lazyText)};`);
  writeFileSync(
    join(folder, 'entry.js'),
    'document.body.onclick = async () => { document.body.textContent = (await import("./lazy.js")).lazy; };',
  );
  const split = await measureBundle(join(folder, 'entry.js'));
  const whole = await measureBundle(join(folder, 'entry.js'), { splitting: false });
  assert.ok(split.lazyGzip > 0, 'the lazy chunk is counted apart');
  assert.ok(split.minified < lazyText.length, `the entry chunk holds no lazy text (${split.minified} bytes)`);
  assert.equal(whole.lazyGzip, 0);
  assert.ok(whole.minified > lazyText.length, `one file holds it all (${whole.minified} bytes)`);
});

test('says when a bundle is within the CI budget but over the budget an issue asked for', async () => {
  const [row] = await measureBudgets([
    {
      name: 'core probe',
      entry: 'size-entries/core-message-builder.js',
      goalGzipBytes: 100,
      askedGzipBytes: 200,
      maxGzipBytes: 100_000,
    },
  ]);
  assert.equal(row.over, false);
  assert.equal(row.askedMet, false);
  assert.equal(row.goalMet, false);
  assert.match(
    formatTable([row]),
    /\| core probe \| \d+ \| \d+ \| 100 \| 200 \| 100000 \| within budget, asked budget not met \| {2}\|/,
  );
});
