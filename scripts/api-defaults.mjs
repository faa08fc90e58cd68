// The defaults of every published package, as checked into `packages/<name>/api/defaults.json`: for each entry point
// of its `exports` map, the value of each exported constant named `*_DEFAULTS` (where a package keeps its defaults:
// a preset's base URL, key variables and quirk switches, a client's timeouts, …), read from the built module. A change
// of defaults then shows in review as a change of that file, and `scripts/api-defaults.test.mjs` (run by the root
// `pnpm test`) fails until `pnpm api:update` records it. Packages with no such constant have no file.
//
// `node scripts/api-defaults.mjs` prints what differs; `--write` rewrites the files. Run after `pnpm build`.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { apiRecordFile, entryPointsOf, publishedPackages, readApiRecord } from './api-exports.mjs';

/** Whether an exported name is a package's defaults constant. */
export const isDefaultsName = (name) => /^[A-Z][A-Z0-9_]*_DEFAULTS$/.test(name);

/**
 * A defaults value as JSON can hold it, for review: plain data as it is; what JSON has no form for as a bracketed
 * string (`"[function parseOpenRouterError]"`, `"[undefined]"`, `"[number NaN]"`). Throws on any other object (a `Map`,
 * a class instance): say how to record it here before exporting one as defaults.
 */
export function recordableValue(value, path) {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : `[number ${String(value)}]`;
  if (typeof value === 'function') return `[function ${value.name || 'anonymous'}]`;
  if (value === undefined) return '[undefined]';
  if (typeof value !== 'object') return `[${typeof value} ${String(value)}]`;
  if (Array.isArray(value)) return value.map((item, index) => recordableValue(item, `${path}[${index}]`));
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null)
    throw new Error(`${path} is a ${prototype?.constructor?.name ?? 'non-plain'} object: record only plain data`);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, recordableValue(item, `${path}.${key}`)]));
}

/** `{ "<package>": { "<subpath>": { "<NAME>_DEFAULTS": value } } }` for the given packages, read from their builds. */
export async function collectDefaults(packages = publishedPackages()) {
  const defaults = {};
  for (const item of packages) {
    for (const entry of entryPointsOf(item)) {
      if (!existsSync(entry.module)) throw new Error(`${entry.module} is missing: build first (pnpm build)`);
      const module = await import(pathToFileURL(entry.module).href);
      const names = Object.keys(module).filter(isDefaultsName).sort();
      if (names.length === 0) continue;
      (defaults[item.name] ??= {})[entry.subpath] = Object.fromEntries(
        names.map((name) => [name, recordableValue(module[name], `${item.name} ${entry.subpath} ${name}`)]),
      );
    }
  }
  return defaults;
}

/** Where a package's checked-in defaults live. */
export const defaultsFile = (item) => apiRecordFile(item, 'defaults.json');

/** The checked-in defaults of a package, or undefined when it has no file. */
export const readCheckedInDefaults = (item) => readApiRecord(item, 'defaults.json');

/** Every leaf of a recorded value by its path (`.quirks.strict`, `.apiKeyVariables[1]`); an empty object or array is a leaf. */
function leaves(value, path = '', into = new Map()) {
  const children = value !== null && typeof value === 'object' ? Object.entries(value) : [];
  if (children.length === 0 && path !== '') into.set(path, JSON.stringify(value));
  for (const [key, child] of children) leaves(child, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`, into);
  return into;
}

/** Lines saying how `current` differs from `checkedIn`, one a changed value (empty when they are equal). */
export function describeDefaultsDifference(name, checkedIn, current) {
  if (checkedIn === undefined && current !== undefined) return [`${name}: no api/defaults.json yet`];
  const lines = [];
  for (const subpath of new Set([...Object.keys(checkedIn ?? {}), ...Object.keys(current ?? {})])) {
    const before = leaves(checkedIn?.[subpath]);
    const after = leaves(current?.[subpath]);
    for (const path of new Set([...before.keys(), ...after.keys()])) {
      const where = `${name} ${subpath}: ${path.slice(1)}`;
      if (!before.has(path)) lines.push(`${where} added: ${after.get(path)}`);
      else if (!after.has(path)) lines.push(`${where} removed (was ${before.get(path)})`);
      else if (before.get(path) !== after.get(path)) lines.push(`${where} ${before.get(path)} → ${after.get(path)}`);
    }
  }
  // Paths can coincide (`{ "a.b": 1 }` and `{ a: { b: 1 } }`) and they ignore key order: the file must still be what
  // --write writes.
  if (lines.length === 0 && JSON.stringify(checkedIn) !== JSON.stringify(current))
    lines.push(`${name}: api/defaults.json holds the same values in another layout`);
  return lines;
}

/** Rewrites a package's file to `current`, or removes it when the package exports no defaults any more. */
function writeDefaults(item, current) {
  const file = defaultsFile(item);
  if (current === undefined) rmSync(file, { force: true });
  else {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(current, null, 2)}\n`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const write = process.argv.includes('--write');
  const packages = publishedPackages();
  const defaults = await collectDefaults(packages);
  const stale = packages
    .map((item) => ({
      item,
      lines: describeDefaultsDifference(item.name, readCheckedInDefaults(item), defaults[item.name]),
    }))
    .filter(({ lines }) => lines.length > 0);
  for (const { item, lines } of stale) {
    console.log(lines.join('\n'));
    if (write) writeDefaults(item, defaults[item.name]);
  }
  const listed = Object.keys(defaults).length;
  if (stale.length === 0) console.log(`api defaults: ${listed} packages match their api/defaults.json`);
  else if (write) console.log('api defaults: api/defaults.json updated; review the change');
  else {
    console.log('api defaults: run `pnpm api:update` to accept these changes');
    process.exitCode = 1;
  }
}
