// Prints the min+gzip size of each browser bundle in size-budgets.json against its goal and its budget; with
// --check, fails when one is over budget. An entry with `entry` is bundled here with esbuild (code-split, or as one
// file with `"splitting": false`); one with `dist` is an app's production build (as `pnpm build` made it), measured as
// shipped. Goals are what an issue asked for in the end; `askedGzipBytes` is the budget issue 17 asked CI to enforce;
// budgets are what CI enforces (the measured size with a little headroom where the asked budget is not met yet), so a
// size regression fails CI either way.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Bundles `entry` for the browser (ESM, minified, tree-shaken, code-split as Vite and Rollup do) and returns the sizes
 * of what a page loads to run it: the entry chunk and the chunks it imports statically. Chunks behind a dynamic
 * `import()` (code a run may never reach) are counted apart, as `lazyGzip`: those the loaded chunks can reach.
 * `{ splitting: false }` bundles as `esbuild --bundle` does by default: one file, every `import()` inlined.
 */
export async function measureBundle(entry, { splitting = true } = {}) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    splitting,
    outdir: 'size-out',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const files = new Map(
    result.outputFiles.map((file) => [relative(process.cwd(), file.path).split(sep).join('/'), file.contents]),
  );
  const outputs = result.metafile.outputs;
  const entryOutput = Object.keys(outputs).find((name) => outputs[name].entryPoint && !name.endsWith('.map'));
  const loaded = new Set();
  const visit = (name) => {
    if (loaded.has(name)) return;
    loaded.add(name);
    for (const imported of outputs[name].imports)
      if (imported.kind === 'import-statement' && outputs[imported.path]) visit(imported.path);
  };
  visit(entryOutput);
  let minified = 0;
  let gzip = 0;
  const byPackage = {};
  for (const name of loaded) {
    const code = files.get(name);
    minified += code.length;
    gzip += gzipSync(code, { level: 9 }).length;
    for (const [input, { bytesInOutput }] of Object.entries(outputs[name].inputs)) {
      const owner = packageOf(input);
      byPackage[owner] = (byPackage[owner] ?? 0) + bytesInOutput;
    }
  }
  // Lazy chunks: those a loaded chunk can reach through import() (transitively). esbuild also writes a chunk for every
  // import() in a package's file even where tree shaking dropped the code holding it; nothing can load those.
  const lazy = new Set();
  const reach = (name) => {
    for (const imported of outputs[name].imports) {
      if (outputs[imported.path] === undefined || loaded.has(imported.path) || lazy.has(imported.path)) continue;
      lazy.add(imported.path);
      reach(imported.path);
    }
  };
  for (const name of loaded) reach(name);
  const lazyGzip = [...lazy].reduce((sum, name) => sum + gzipSync(files.get(name), { level: 9 }).length, 0);
  return { minified, gzip, lazyGzip, byPackage };
}

/** The package a bundled file comes from (`@rig-ts/core`, `ky`, …), or the file itself when it is in none. */
function packageOf(input) {
  const dependency = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (dependency) return dependency[1];
  const workspace = /(?:^|\/)packages\/([^/]+)\//.exec(input);
  if (workspace) return workspace[1] === 'rig-ts' ? 'rig-ts' : `@rig-ts/${workspace[1]}`;
  return 'the app';
}

/** Where the minified bytes of a bundle come from, largest first: `@rig-ts/openai-wire 13891 (25%), ky …`. */
export function describeBytes(byPackage) {
  const total = Object.values(byPackage).reduce((sum, bytes) => sum + bytes, 0);
  return Object.entries(byPackage)
    .sort((a, b) => b[1] - a[1])
    .map(([owner, bytes]) => `${owner} ${bytes} (${Math.round((bytes / total) * 100)}%)`)
    .join(', ');
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
    [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+\.js)"/g)].map((match) =>
      join(folder, match[1].replace(/^\.?\//, '')),
    ),
  );
  if (loaded.size === 0) throw new Error(`${page} loads no script`);
  const scripts = readdirSync(folder, { recursive: true })
    .filter((file) => String(file).endsWith('.js'))
    .map((file) => join(folder, String(file)));
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
    const { gzip, minified, lazyGzip, byPackage } =
      budget.dist === undefined
        ? await measureBundle(join(here, budget.entry), { splitting: budget.splitting ?? true })
        : measureBuild(join(here, budget.dist));
    const askedMet = gzip <= (budget.askedGzipBytes ?? budget.maxGzipBytes);
    rows.push({
      ...budget,
      gzip,
      minified,
      lazyGzip,
      byPackage,
      over: gzip > budget.maxGzipBytes,
      askedMet,
      goalMet: askedMet && gzip <= (budget.goalGzipBytes ?? budget.maxGzipBytes),
    });
  }
  return rows;
}

export function formatTable(rows) {
  const lines = [
    '| bundle | min bytes | min+gzip bytes | goal (gzip) | asked (gzip) | budget (gzip) | | lazy chunks (gzip) |',
    '|---|---:|---:|---:|---:|---:|---|---:|',
  ];
  for (const row of rows) {
    const status = row.over
      ? 'OVER BUDGET'
      : row.goalMet
        ? 'ok'
        : row.askedMet
          ? 'within budget, goal not met'
          : 'within budget, asked budget not met';
    lines.push(
      `| ${row.name} | ${row.minified} | ${row.gzip} | ${row.goalGzipBytes ?? ''} | ${row.askedGzipBytes ?? ''} | ${row.maxGzipBytes} | ${status} | ${row.lazyGzip || ''} |`,
    );
  }
  return lines.join('\n');
}

// The same one-prompt app built with the peers (the bench workspace holds them), for comparison, and the floors a
// rig-ts provider bundle stands on (ky alone; ky with rig-ts's transport); never budgeted.
const PEERS = [
  ['raw fetch (the floor)', 'raw-fetch-prompt.js'],
  ['ky alone', 'ky-alone-prompt.js'],
  ['rig-ts transport alone (ky + @rig-ts/http, no provider code)', 'rig-ts-transport-prompt.js'],
  ['openai SDK', 'openai-sdk-prompt.js'],
  ['Vercel AI SDK (ai + @ai-sdk/openai)', 'ai-sdk-prompt.js'],
  ['LangChain (@langchain/openai)', 'langchain-prompt.js'],
];

async function peerTable() {
  const lines = ['| peer or floor: one prompt | min bytes | min+gzip bytes |', '|---|---:|---:|'];
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
  const short = rows.filter((row) => !row.goalMet && row.byPackage !== undefined);
  if (short.length > 0) {
    console.log('\nWhere the minified bytes of the bundles short of a goal or an asked budget come from:');
    for (const row of short) console.log(`- ${row.name}: ${describeBytes(row.byPackage)}`);
  }
  if (!process.argv.includes('--check')) console.log(`\n${await peerTable()}`);
  const over = rows.filter((row) => row.over);
  if (process.argv.includes('--check') && over.length > 0) {
    console.error(`\n${over.length} bundle(s) over budget: ${over.map((row) => row.name).join(', ')}`);
    process.exit(1);
  }
}
