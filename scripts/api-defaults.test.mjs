// The checked-in defaults (packages/<name>/api/defaults.json) against the built packages, run by the root `pnpm test`
// after the build: a change of a package's defaults fails here until `pnpm api:update` records it.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  collectDefaults,
  describeDefaultsDifference,
  isDefaultsName,
  readCheckedInDefaults,
  recordableValue,
} from './api-defaults.mjs';
import { publishedPackages, readCheckedIn } from './api-exports.mjs';

test('every published package matches its api/defaults.json (update with `pnpm api:update`)', async () => {
  const packages = publishedPackages();
  const defaults = await collectDefaults(packages);
  const differences = packages.flatMap((item) =>
    describeDefaultsDifference(item.name, readCheckedInDefaults(item), defaults[item.name]),
  );
  assert.deepEqual(differences, [], `defaults changed; run \`pnpm api:update\` and review:\n${differences.join('\n')}`);
});

test('records every *_DEFAULTS value of the checked-in export lists, the presets among them', async () => {
  const packages = publishedPackages();
  const defaults = await collectDefaults(packages);
  const exported = packages.flatMap((item) =>
    Object.entries(readCheckedIn(item) ?? {}).flatMap(([subpath, { values }]) =>
      values.filter(isDefaultsName).map((name) => `${item.name} ${subpath} ${name}`),
    ),
  );
  const recorded = Object.entries(defaults).flatMap(([name, entries]) =>
    Object.entries(entries).flatMap(([subpath, values]) =>
      Object.keys(values).map((key) => `${name} ${subpath} ${key}`),
    ),
  );
  assert.deepEqual(recorded.sort(), exported.sort());
  for (const preset of ['cerebras', 'deepseek', 'groq', 'mistral', 'openrouter', 'perplexity', 'together', 'xai'])
    assert.equal(defaults[`@rig-ts/${preset}`]['.'][`${preset.toUpperCase()}_DEFAULTS`].provider, preset);
});

test('records plain data as it is and what JSON cannot hold as a bracketed string', () => {
  function parseAcmeError() {}
  assert.deepEqual(
    recordableValue(
      {
        baseURL: 'https://api.acme.test/v1',
        quirks: { strict: false, requireDone: null, missing: undefined },
        optionFields: [['topK', 'top_k']],
        limits: [1, Number.NaN, Number.POSITIVE_INFINITY, -0.5, 10n],
        parseError: parseAcmeError,
        inline: () => 1,
        marker: Symbol('acme'),
        bare: Object.assign(Object.create(null), { a: 1 }),
      },
      'ACME_DEFAULTS',
    ),
    {
      baseURL: 'https://api.acme.test/v1',
      quirks: { strict: false, requireDone: null, missing: '[undefined]' },
      optionFields: [['topK', 'top_k']],
      limits: [1, '[number NaN]', '[number Infinity]', -0.5, '[bigint 10]'],
      parseError: '[function parseAcmeError]',
      inline: '[function inline]',
      marker: '[symbol Symbol(acme)]',
      bare: { a: 1 },
    },
  );
  assert.throws(
    () => recordableValue({ models: [new Map()] }, 'ACME_DEFAULTS'),
    new Error('ACME_DEFAULTS.models[0] is a Map object: record only plain data'),
  );
  class Settings {}
  assert.throws(
    () => recordableValue({ nested: { settings: new Settings() } }, 'X_DEFAULTS'),
    new Error('X_DEFAULTS.nested.settings is a Settings object: record only plain data'),
  );
});

test('names each changed, added and removed value by its path', () => {
  const before = {
    '.': { ACME_DEFAULTS: { baseURL: 'https://a.test', keys: ['A_KEY'], quirks: { strict: false }, fields: [] } },
    './batch': { BATCH_DEFAULTS: { pollMs: 100 } },
  };
  const after = {
    '.': { ACME_DEFAULTS: { baseURL: 'https://b.test', keys: ['A_KEY', 'B_KEY'], quirks: {}, fields: [['a', 'b']] } },
    './extra': { EXTRA_DEFAULTS: { on: true } },
  };
  assert.deepEqual(describeDefaultsDifference('@acme/acme', before, after), [
    '@acme/acme .: ACME_DEFAULTS.baseURL "https://a.test" → "https://b.test"',
    '@acme/acme .: ACME_DEFAULTS.quirks.strict removed (was false)',
    '@acme/acme .: ACME_DEFAULTS.fields removed (was [])',
    '@acme/acme .: ACME_DEFAULTS.keys[1] added: "B_KEY"',
    '@acme/acme .: ACME_DEFAULTS.quirks added: {}',
    '@acme/acme .: ACME_DEFAULTS.fields[0][0] added: "a"',
    '@acme/acme .: ACME_DEFAULTS.fields[0][1] added: "b"',
    '@acme/acme ./batch: BATCH_DEFAULTS.pollMs removed (was 100)',
    '@acme/acme ./extra: EXTRA_DEFAULTS.on added: true',
  ]);
  assert.deepEqual(describeDefaultsDifference('@acme/acme', after, structuredClone(after)), []);
  assert.deepEqual(describeDefaultsDifference('@acme/acme', undefined, after), [
    '@acme/acme: no api/defaults.json yet',
  ]);
  assert.deepEqual(describeDefaultsDifference('@acme/acme', undefined, undefined), []);
  assert.deepEqual(describeDefaultsDifference('@acme/acme', { '.': { ACME_DEFAULTS: { on: 1 } } }, undefined), [
    '@acme/acme .: ACME_DEFAULTS.on removed (was 1)',
  ]);
  assert.deepEqual(
    describeDefaultsDifference(
      '@acme/acme',
      { '.': { X_DEFAULTS: { 'a.b': 1 } } },
      { '.': { X_DEFAULTS: { a: { b: 1 } } } },
    ),
    ['@acme/acme: api/defaults.json holds the same values in another layout'],
  );
  assert.deepEqual(
    describeDefaultsDifference(
      '@acme/acme',
      { '.': { X_DEFAULTS: { b: 2, a: 1 } } },
      { '.': { X_DEFAULTS: { a: 1, b: 2 } } },
    ),
    ['@acme/acme: api/defaults.json holds the same values in another layout'],
  );
  // A value of another type is a change, not an addition: "1" and 1 differ.
  assert.deepEqual(
    describeDefaultsDifference('@acme/acme', { '.': { X_DEFAULTS: { n: 1 } } }, { '.': { X_DEFAULTS: { n: '1' } } }),
    ['@acme/acme .: X_DEFAULTS.n 1 → "1"'],
  );
});

test('reads *_DEFAULTS from each built entry point and leaves the other exports and entries out', async () => {
  const directory = join(mkdtempSync(join(tmpdir(), 'api-defaults-')), 'packages', 'acme');
  mkdirSync(join(directory, 'dist'), { recursive: true });
  const entry = (name) => ({ types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` });
  writeFileSync(
    join(directory, 'package.json'),
    JSON.stringify({
      name: '@acme/acme',
      type: 'module',
      exports: { '.': entry('index'), './tools': entry('tools'), './x': entry('x') },
    }),
  );
  writeFileSync(
    join(directory, 'dist', 'index.js'),
    'export const ACME_DEFAULTS = { baseURL: "https://api.acme.test" };\nexport const Z_DEFAULTS = { n: 1 };\nexport const DEFAULTS = 1;\nexport const acme_DEFAULTS = 2;\nexport class Client {}\n',
  );
  writeFileSync(join(directory, 'dist', 'tools.js'), 'export function tool() {}\n');
  const packages = publishedPackages(join(directory, '..', '..'));
  await assert.rejects(collectDefaults(packages), new RegExp(`${join(directory, 'dist', 'x.js')} is missing`));
  writeFileSync(join(directory, 'dist', 'x.js'), 'export const TOOL_DEFAULTS = { parse() {} };\n');
  assert.deepEqual(await collectDefaults(packages), {
    '@acme/acme': {
      '.': { ACME_DEFAULTS: { baseURL: 'https://api.acme.test' }, Z_DEFAULTS: { n: 1 } },
      './x': { TOOL_DEFAULTS: { parse: '[function parse]' } },
    },
  });
});
