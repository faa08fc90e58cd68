// ARCHITECTURE.md's dependency list is kept current: every published package appears in it once, with exactly the
// rig-ts packages its package.json depends on.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(import.meta.dirname, '..');
const architecture = readFileSync(join(root, 'ARCHITECTURE.md'), 'utf8');

/** `name → rig-ts dependencies` as the document lists them (names without the `@rig-ts/` scope). */
function documentedDependencies(text) {
  const section = text.slice(text.indexOf('## Dependencies point toward core'));
  const start = section.indexOf('```\n') + 4;
  const block = section.slice(start, section.indexOf('\n```', start));
  const listed = new Map();
  for (const line of block.split('\n')) {
    const [left, right] = line.split('►');
    if (right === undefined) throw new Error(`no arrow in: ${line}`);
    const names = left
      .replace(/─+$/, '')
      .replace('(facade)', '')
      .split(',')
      .map((name) => name.trim());
    const targets = right.replace(/\(.*\)/, '').trim();
    const dependencies =
      targets === 'nothing' || targets.startsWith('no rig-ts package')
        ? []
        : targets.split(',').map((name) => name.trim());
    for (const name of names) {
      if (listed.has(name)) throw new Error(`${name} is listed twice`);
      listed.set(name, dependencies.sort());
    }
  }
  return listed;
}

/** `name → rig-ts dependencies` of every published package, from its package.json. */
function publishedPackages() {
  const packages = new Map();
  for (const folder of readdirSync(join(root, 'packages'))) {
    const manifest = JSON.parse(readFileSync(join(root, 'packages', folder, 'package.json'), 'utf8'));
    if (manifest.private) continue;
    const dependencies = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })
      .filter((dependency) => dependency.startsWith('@rig-ts/') || dependency === 'rig-ts')
      .map((dependency) => dependency.replace('@rig-ts/', ''));
    packages.set(manifest.name.replace('@rig-ts/', ''), dependencies.sort());
  }
  return packages;
}

/** Where the document and the package.json files disagree, one line each. */
function mismatches(text) {
  const documented = documentedDependencies(text);
  const actual = publishedPackages();
  const found = [];
  for (const name of new Set([...documented.keys(), ...actual.keys()])) {
    const listed = documented.get(name);
    const real = actual.get(name);
    if (listed === undefined) found.push(`${name} is not listed`);
    else if (real === undefined) found.push(`${name} is listed but is not a published package`);
    else if (listed.join() !== real.join())
      found.push(`${name}: listed ${listed.join(', ') || 'nothing'}, depends on ${real.join(', ') || 'nothing'}`);
  }
  return found;
}

test('ARCHITECTURE.md lists every published package with its rig-ts dependencies', () => {
  assert.deepEqual(mismatches(architecture), []);
});

test('a stale list is caught: a wrong dependency, a missing package', () => {
  assert.deepEqual(mismatches(architecture.replace('core ───────────► nothing', 'core ───────────► http')), [
    'core: listed http, depends on nothing',
  ]);
  assert.deepEqual(mismatches(architecture.replace('pacing ─────────► http, core\n', '')), ['pacing is not listed']);
});
