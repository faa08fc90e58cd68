// The public surface of every published package, as checked into `packages/<name>/api/exports.json`: for each entry
// point of its `exports` map, the names a program can import at run time (`values`, read from the built module) and
// the names that exist only as types (`types`, read from its declarations with the TypeScript compiler). A change of
// surface then shows in review, and `scripts/api-exports.test.mjs` (run by the root `pnpm test`) fails until the file
// is updated with `pnpm api:update`.
//
// `node scripts/api-exports.mjs` prints what differs; `--write` rewrites the files. Run after `pnpm build`.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The published packages (not `private`) under packages/: `{ name, directory, manifest }`, sorted by folder. */
export function publishedPackages(repositoryRoot = root) {
  const folder = join(repositoryRoot, 'packages');
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(folder, entry.name, 'package.json')))
    .map((entry) => {
      const directory = join(folder, entry.name);
      const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8'));
      return { name: manifest.name, directory, manifest };
    })
    .filter((item) => item.manifest.private !== true)
    .sort((a, b) => a.directory.localeCompare(b.directory));
}

/** The entry points of a package's `exports` map: subpath, built module and declaration file. */
export function entryPointsOf(item) {
  return Object.entries(item.manifest.exports ?? {})
    .filter(([subpath]) => subpath !== './package.json')
    .map(([subpath, entry]) => {
      const runtime = typeof entry === 'string' ? entry : (entry.default ?? entry.import);
      const types = typeof entry === 'string' ? undefined : entry.types;
      if (typeof runtime !== 'string' || typeof types !== 'string')
        throw new Error(`${item.name} exports ${subpath} without a default and a types target`);
      return { subpath, module: join(item.directory, runtime), declarations: join(item.directory, types) };
    });
}

/** The names each declaration file exports (values and types), with one TypeScript program for all of them. */
function declaredExports(files) {
  const program = ts.createProgram(files, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const names = new Map();
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (source === undefined) throw new Error(`${file} is missing: build first (pnpm build)`);
    const symbol = checker.getSymbolAtLocation(source);
    names.set(
      file,
      symbol === undefined ? [] : checker.getExportsOfModule(symbol).map((exported) => exported.getName()),
    );
  }
  return names;
}

/** `{ "<package>": { "<subpath>": { values, types } } }` for the given packages, read from their builds. */
export async function collectExports(packages = publishedPackages()) {
  const entries = packages.flatMap((item) => entryPointsOf(item).map((entry) => ({ item, ...entry })));
  const declared = declaredExports(entries.map((entry) => entry.declarations));
  const surface = {};
  for (const entry of entries) {
    if (!existsSync(entry.module)) throw new Error(`${entry.module} is missing: build first (pnpm build)`);
    const values = Object.keys(await import(pathToFileURL(entry.module).href)).sort();
    const typeNames = declared.get(entry.declarations);
    const untyped = values.filter((name) => !typeNames.includes(name));
    if (untyped.length > 0)
      throw new Error(
        `${entry.item.name} ${entry.subpath} exports ${untyped.join(', ')} at run time but not in its declarations`,
      );
    const types = typeNames.filter((name) => !values.includes(name)).sort();
    (surface[entry.item.name] ??= {})[entry.subpath] = { values, types };
  }
  return surface;
}

/** Where a package's checked-in API record `name` (`exports.json`, `defaults.json`) lives: its `api/` folder. */
export function apiRecordFile(item, name) {
  return join(item.directory, 'api', name);
}

/** A package's checked-in API record `name`, or undefined when there is none yet. */
export function readApiRecord(item, name) {
  const file = apiRecordFile(item, name);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/** Where a package's checked-in export list lives. */
export const exportsFile = (item) => apiRecordFile(item, 'exports.json');

/** The checked-in list of a package, or undefined when there is none yet. */
export const readCheckedIn = (item) => readApiRecord(item, 'exports.json');

/** Lines describing how `current` differs from `checkedIn` (empty when they are equal). */
export function describeDifference(name, checkedIn, current) {
  if (checkedIn === undefined) return [`${name}: no api/exports.json yet`];
  const lines = [];
  for (const subpath of new Set([...Object.keys(checkedIn), ...Object.keys(current)])) {
    const before = checkedIn[subpath];
    const after = current[subpath];
    if (before === undefined) lines.push(`${name} ${subpath}: new entry point`);
    else if (after === undefined) lines.push(`${name} ${subpath}: entry point removed`);
    else {
      for (const kind of ['values', 'types']) {
        const added = after[kind].filter((x) => !before[kind].includes(x));
        const removed = before[kind].filter((x) => !after[kind].includes(x));
        if (added.length > 0) lines.push(`${name} ${subpath}: ${kind} added: ${added.join(', ')}`);
        if (removed.length > 0) lines.push(`${name} ${subpath}: ${kind} removed: ${removed.join(', ')}`);
      }
    }
  }
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const packages = publishedPackages();
  const surface = await collectExports(packages);
  let differences = 0;
  for (const item of packages) {
    const lines = describeDifference(item.name, readCheckedIn(item), surface[item.name]);
    differences += lines.length;
    for (const line of lines) console.log(line);
    if (process.argv.includes('--write') && lines.length > 0) {
      mkdirSync(dirname(exportsFile(item)), { recursive: true });
      writeFileSync(exportsFile(item), `${JSON.stringify(surface[item.name], null, 2)}\n`);
    }
  }
  if (differences === 0) console.log(`api exports: ${packages.length} packages match their api/exports.json`);
  else if (process.argv.includes('--write')) console.log('api exports: api/exports.json updated; review the change');
  else {
    console.log('api exports: run `pnpm api:update` to accept these changes');
    process.exitCode = 1;
  }
}
