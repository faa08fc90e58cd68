// Builds the published package in the current directory (every package's `build` script runs it): one bundled ES
// module per entry point, made by esbuild, with its source map, and declarations emitted by `tsc`.
//
// - Entry points come from the package's `exports` map (`./dist/<name>.js` is built from `src/<name>.ts`) and from
//   its bin files (a committed `bin/<command>.js` that imports `../dist/<name>.js`).
// - Every import of another package stays an import (`packages: 'external'`): a package never inlines another
//   @rig-ts package, ky or ajv, so a user's bundler still sees one copy of each.
// - Code shared by two entry points of one package goes to one chunk under `dist/chunks/` (esbuild's splitting), so an
//   app importing both `@rig-ts/core` and `@rig-ts/core/internal` loads each class once (a dynamic `import()` of a
//   source file would become a chunk too).
// - Declarations: `tsc -p tsconfig.build.json --emitDeclarationOnly`, one `.d.ts` per source file, as before.
//
// `node ../../scripts/build-package.mjs` (from a package folder); `--no-types` skips tsc.
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The options every package is bundled with. */
export const BUNDLE_OPTIONS = {
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  packages: 'external',
  splitting: true,
  sourcemap: true,
  minify: false,
  treeShaking: true,
  legalComments: 'inline',
  entryNames: '[dir]/[name]',
  chunkNames: 'chunks/[name]-[hash]',
  outbase: 'src',
  outdir: 'dist',
  logLevel: 'warning',
};

function distToSource(packageDirectory, target, where) {
  const match = /^\.\/dist\/(.+)\.js$/.exec(target);
  if (match === null) throw new Error(`${where}: ${target} is not ./dist/<name>.js`);
  const source = join(packageDirectory, 'src', `${match[1]}.ts`);
  if (!existsSync(source)) throw new Error(`${where}: ${target} has no source ${relative(packageDirectory, source)}`);
  return source;
}

/** The target of an `exports` entry that a runtime loads: `default` (or the older `import`). */
export function runtimeTarget(entry) {
  if (typeof entry === 'string') return entry;
  return entry?.default ?? entry?.import;
}

/** The source files to bundle: one per `exports` entry (but `./package.json`) and one per built bin. */
export function entryPoints(packageDirectory) {
  const manifest = JSON.parse(readFileSync(join(packageDirectory, 'package.json'), 'utf8'));
  const entries = new Set();
  for (const [subpath, entry] of Object.entries(manifest.exports ?? {})) {
    if (subpath === './package.json') continue;
    const target = runtimeTarget(entry);
    if (typeof target !== 'string') throw new Error(`${manifest.name} exports ${subpath} without a default target`);
    entries.add(distToSource(packageDirectory, target, `${manifest.name} exports ${subpath}`));
  }
  const bins = typeof manifest.bin === 'string' ? [manifest.bin] : Object.values(manifest.bin ?? {});
  for (const bin of bins) {
    const text = readFileSync(join(packageDirectory, bin), 'utf8');
    for (const [, target] of text.matchAll(/import\s+["']\.\.\/(dist\/[^"']+\.js)["']/g))
      entries.add(distToSource(packageDirectory, `./${target}`, `${manifest.name} bin ${bin}`));
  }
  if (entries.size === 0) throw new Error(`${manifest.name} has no entry point (exports map or bin)`);
  return [...entries].sort();
}

/** Bundles the package's entry points into `dist/`; returns esbuild's metafile. */
export async function bundlePackage(packageDirectory) {
  const result = await build({
    ...BUNDLE_OPTIONS,
    absWorkingDir: packageDirectory,
    entryPoints: entryPoints(packageDirectory),
    tsconfig: join(packageDirectory, 'tsconfig.build.json'),
    metafile: true,
  });
  return result.metafile;
}

/** Emits the declarations with tsc (the package's tsconfig.build.json, declarations only). */
export function emitDeclarations(packageDirectory) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--emitDeclarationOnly'], {
    cwd: packageDirectory,
    stdio: 'inherit',
  });
  if (result.status !== 0)
    throw new Error(`tsc failed in ${packageDirectory} (exit ${result.status ?? result.signal})`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const packageDirectory = resolve(process.cwd());
  rmSync(join(packageDirectory, 'dist'), { recursive: true, force: true });
  const metafile = await bundlePackage(packageDirectory);
  if (!process.argv.includes('--no-types')) emitDeclarations(packageDirectory);
  const outputs = Object.keys(metafile.outputs).filter((file) => file.endsWith('.js'));
  const chunks = readdirSync(join(packageDirectory, 'dist')).includes('chunks')
    ? outputs.filter((file) => file.includes('/chunks/')).length
    : 0;
  console.log(
    `built ${outputs.length - chunks} entry point(s)${chunks > 0 ? ` and ${chunks} shared chunk(s)` : ''} into dist/`,
  );
}
