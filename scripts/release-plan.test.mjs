// The first-release rule of scripts/release-plan.mjs, on made-up plans and on the repository's pending changesets.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstReleaseProblems, plannedReleases, publishedVersions } from './release-plan.mjs';

const release = (name, type, oldVersion, newVersion) => ({ name, type, oldVersion, newVersion });

test('a never-released package must be at 0.0.0 and come out at 0.1.0; released ones are free', () => {
  const packages = [
    { name: '@rig-ts/a', version: '0.0.0', released: false },
    { name: '@rig-ts/b', version: '0.0.0', released: false },
    { name: '@rig-ts/c', version: '0.0.0', released: false },
    { name: '@rig-ts/d', version: '0.0.0', released: false },
    { name: '@rig-ts/e', version: '0.1.0', released: false },
    { name: '@rig-ts/f', version: '0.1.0', released: true },
  ];
  const releases = [
    release('@rig-ts/a', 'minor', '0.0.0', '0.1.0'),
    release('@rig-ts/b', 'patch', '0.0.0', '0.0.1'),
    release('@rig-ts/c', 'major', '0.0.0', '1.0.0'),
    release('@rig-ts/e', 'minor', '0.1.0', '0.2.0'),
    release('@rig-ts/f', 'minor', '0.1.0', '0.2.0'),
  ];
  assert.deepEqual(firstReleaseProblems(packages, releases), [
    '@rig-ts/b would be released as 0.0.1 (patch); a first release is 0.1.0: give it a minor changeset',
    '@rig-ts/c would be released as 1.0.0 (major); a first release is 0.1.0: give it a minor changeset',
    '@rig-ts/d was never released and no changeset releases it: add a minor changeset for its first release',
    '@rig-ts/e was never released but is at 0.1.0: set it to 0.0.0, so that its first minor changeset gives 0.1.0',
    '@rig-ts/e would be released as 0.2.0 (minor); a first release is 0.1.0: give it a minor changeset',
  ]);
});

test('the pending changesets release every never-released package at 0.1.0, and none at 0.2.0 or later', () => {
  const packages = publishedVersions();
  const releases = plannedReleases();
  assert.ok(packages.length >= 20, `found ${packages.length} published packages`);
  assert.deepEqual(firstReleaseProblems(packages, releases), []);
  const firstReleases = new Set(packages.filter((item) => !item.released).map((item) => item.name));
  for (const planned of releases)
    if (firstReleases.has(planned.name)) assert.equal(planned.newVersion, '0.1.0', planned.name);
});
