// Prints the min+gzip size of each browser bundle in size-budgets.json against its goal and its budget; with
// --check, fails when one is over budget. An entry with `entry` is bundled here with esbuild; one with `dist` is an
// app's production build (its JavaScript files under that folder, as built by `pnpm build`), measured as shipped. Goals are what an issue asked for; budgets are what CI enforces (the
// measured size with a little headroom where a goal is not met yet), so a size regression fails CI either way.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

/** Bundles `entry` for the browser (ESM, minified, tree-shaken) and returns its sizes in bytes. */
export async function measureBundle(entry) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length, text: new TextDecoder().decode(code) };
}

/** Sums the sizes of the JavaScript files of a production build (each gzipped on its own, as a server sends it). */
export function measureBuild(folder) {
  if (!existsSync(folder)) throw new Error(`${folder} is missing: build it first (\`pnpm size\` builds everything)`);
  const files = readdirSync(folder, { recursive: true }).filter((file) => String(file).endsWith('.js'));
  if (files.length === 0) throw new Error(`${folder} holds no JavaScript file`);
  let minified = 0;
  let gzip = 0;
  for (const file of files) {
    const code = readFileSync(join(folder, String(file)));
    minified += code.length;
    gzip += gzipSync(code, { level: 9 }).length;
  }
  return { minified, gzip };
}

/** Measures every budget; returns rows of { name, gzip, minified, budget, over }. */
export async function measureBudgets(budgets) {
  const rows = [];
  for (const budget of budgets) {
    const { gzip, minified } = budget.dist === undefined ? await measureBundle(join(here, budget.entry)) : measureBuild(join(here, budget.dist));
    rows.push({ ...budget, gzip, minified, over: gzip > budget.maxGzipBytes, goalMet: gzip <= (budget.goalGzipBytes ?? budget.maxGzipBytes) });
  }
  return rows;
}

export function formatTable(rows) {
  const lines = ['| bundle | min bytes | min+gzip bytes | goal (gzip) | budget (gzip) | |', '|---|---:|---:|---:|---:|---|'];
  for (const row of rows) {
    const status = row.over ? 'OVER BUDGET' : row.goalMet ? 'ok' : 'within budget, goal not met';
    lines.push(`| ${row.name} | ${row.minified} | ${row.gzip} | ${row.goalGzipBytes ?? row.maxGzipBytes} | ${row.maxGzipBytes} | ${status} |`);
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const budgets = JSON.parse(readFileSync(join(here, 'size-budgets.json'), 'utf8'));
  const rows = await measureBudgets(budgets);
  console.log(formatTable(rows));
  const over = rows.filter((row) => row.over);
  if (process.argv.includes('--check') && over.length > 0) {
    console.error(`\n${over.length} bundle(s) over budget: ${over.map((row) => row.name).join(', ')}`);
    process.exit(1);
  }
}
