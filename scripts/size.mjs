// Prints the min+gzip size of each browser bundle in size-budgets.json against its goal and its budget; with
// --check, fails when one is over budget. An entry with `entry` is bundled here with esbuild; one with `dist` is an
// app's production build (as `pnpm build` made it), measured as shipped. Goals are what an issue asked for; budgets
// are what CI enforces (the measured size with a little headroom where a goal is not met yet), so a size regression
// fails CI either way.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Bundles `entry` for the browser (ESM, minified, tree-shaken, code-split as Vite and Rollup do) and returns the sizes
 * of what a page loads to run it: the entry chunk and the chunks it imports statically. Chunks behind a dynamic
 * `import()` (code a run may never reach, such as the ajv compiler for plain JSON Schema tools) are counted apart.
 */
export async function measureBundle(entry) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    splitting: true,
    outdir: 'size-out',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const files = new Map(result.outputFiles.map((file) => [relative(process.cwd(), file.path).split(sep).join('/'), file.contents]));
  const outputs = result.metafile.outputs;
  const entryOutput = Object.keys(outputs).find((name) => outputs[name].entryPoint && !name.endsWith('.map'));
  const loaded = new Set();
  const visit = (name) => {
    if (loaded.has(name)) return;
    loaded.add(name);
    for (const imported of outputs[name].imports) if (imported.kind === 'import-statement' && outputs[imported.path]) visit(imported.path);
  };
  visit(entryOutput);
  let minified = 0;
  let gzip = 0;
  for (const name of loaded) {
    const code = files.get(name);
    minified += code.length;
    gzip += gzipSync(code, { level: 9 }).length;
  }
  const lazy = Object.keys(outputs).filter((name) => !loaded.has(name) && !name.endsWith('.map'));
  const lazyGzip = lazy.reduce((sum, name) => sum + gzipSync(files.get(name), { level: 9 }).length, 0);
  return { minified, gzip, lazyGzip };
}

/**
 * Measures an app's production build as a browser gets it: the scripts its index.html loads (the module entry and its
 * modulepreload links), each gzipped on its own as a server sends it; the other JavaScript files are lazy chunks.
 */
export function measureBuild(folder) {
  const page = join(folder, 'index.html');
  if (!existsSync(page)) throw new Error(`${page} is missing: build the app first (\`pnpm size\` builds everything)`);
  const html = readFileSync(page, 'utf8');
  const loaded = new Set(
    [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+\.js)"/g)].map((match) => join(folder, match[1].replace(/^\.?\//, ''))),
  );
  if (loaded.size === 0) throw new Error(`${page} loads no script`);
  const scripts = readdirSync(folder, { recursive: true }).filter((file) => String(file).endsWith('.js')).map((file) => join(folder, String(file)));
  let minified = 0;
  let gzip = 0;
  let lazyGzip = 0;
  for (const file of loaded) {
    const code = readFileSync(file);
    minified += code.length;
    gzip += gzipSync(code, { level: 9 }).length;
  }
  for (const file of scripts) if (!loaded.has(file)) lazyGzip += gzipSync(readFileSync(file), { level: 9 }).length;
  return { minified, gzip, lazyGzip };
}

/** Measures every budget; returns rows of { name, gzip, minified, budget, over }. */
export async function measureBudgets(budgets) {
  const rows = [];
  for (const budget of budgets) {
    const { gzip, minified, lazyGzip } = budget.dist === undefined ? await measureBundle(join(here, budget.entry)) : measureBuild(join(here, budget.dist));
    rows.push({ ...budget, gzip, minified, lazyGzip, over: gzip > budget.maxGzipBytes, goalMet: gzip <= (budget.goalGzipBytes ?? budget.maxGzipBytes) });
  }
  return rows;
}

export function formatTable(rows) {
  const lines = ['| bundle | min bytes | min+gzip bytes | goal (gzip) | budget (gzip) | | lazy chunks (gzip) |', '|---|---:|---:|---:|---:|---|---:|'];
  for (const row of rows) {
    const status = row.over ? 'OVER BUDGET' : row.goalMet ? 'ok' : 'within budget, goal not met';
    lines.push(`| ${row.name} | ${row.minified} | ${row.gzip} | ${row.goalGzipBytes ?? row.maxGzipBytes} | ${row.maxGzipBytes} | ${status} | ${row.lazyGzip || ''} |`);
  }
  return lines.join('\n');
}

// The same one-prompt app built with the peers (the bench workspace holds them), for comparison; never budgeted.
const PEERS = [
  ['raw fetch (the floor)', 'raw-fetch-prompt.js'],
  ['openai SDK', 'openai-sdk-prompt.js'],
  ['Vercel AI SDK (ai + @ai-sdk/openai)', 'ai-sdk-prompt.js'],
  ['LangChain (@langchain/openai)', 'langchain-prompt.js'],
];

async function peerTable() {
  const lines = ['| peer: one prompt | min bytes | min+gzip bytes |', '|---|---:|---:|'];
  for (const [name, file] of PEERS) {
    try {
      const { minified, gzip } = await measureBundle(join(here, '../bench/size-entries', file));
      lines.push(`| ${name} | ${minified} | ${gzip} |`);
    } catch (error) {
      lines.push(`| ${name} | not measured: ${String(error.message ?? error).split('\n')[0]} | |`);
    }
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const budgets = JSON.parse(readFileSync(process.env.SIZE_BUDGETS ?? join(here, 'size-budgets.json'), 'utf8'));
  const rows = await measureBudgets(budgets);
  console.log(formatTable(rows));
  if (!process.argv.includes('--check')) console.log(`\n${await peerTable()}`);
  const over = rows.filter((row) => row.over);
  if (process.argv.includes('--check') && over.length > 0) {
    console.error(`\n${over.length} bundle(s) over budget: ${over.map((row) => row.name).join(', ')}`);
    process.exit(1);
  }
}
