// The versions the pending changesets would release (`changeset status`), checked against the first-release rule: a
// published package never released yet (it has no CHANGELOG.md, which `changeset version` writes at each release)
// is at 0.0.0 and must come out at exactly 0.1.0 — a minor changeset of its own, so that it is neither left out, nor
// released as 0.0.1 (a patch, or only a dependency bump), nor skipped to 0.2.0 (a minor on top of a 0.1.0 version).
// Run: node scripts/release-plan.mjs (prints the plan; exits 1 when the rule is broken).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The version a never-released package gets at its first release. */
export const FIRST_RELEASE_VERSION = '0.1.0';

/** The published packages (`packages/*`, not private): name, current version, and whether it was ever released. */
export function publishedVersions(root = ROOT) {
  return readdirSync(join(root, 'packages'))
    .map((folder) => ({
      folder,
      manifest: JSON.parse(readFileSync(join(root, 'packages', folder, 'package.json'), 'utf8')),
    }))
    .filter(({ manifest }) => !manifest.private)
    .map(({ folder, manifest }) => ({
      name: manifest.name,
      version: manifest.version,
      released: existsSync(join(root, 'packages', folder, 'CHANGELOG.md')),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** The release plan of the pending changesets, as `changeset status --output` writes it: `[{ name, type, oldVersion, newVersion }]`. */
export function plannedReleases(root = ROOT) {
  const folder = mkdtempSync(join(tmpdir(), 'release-plan-'));
  try {
    const output = join(folder, 'plan.json');
    const result = spawnSync(join(root, 'node_modules', '.bin', 'changeset'), ['status', `--output=${output}`], {
      cwd: root,
      encoding: 'utf8',
    });
    if (result.status !== 0)
      throw new Error(`changeset status failed (${result.status}): ${result.stderr || result.stdout}`);
    return JSON.parse(readFileSync(output, 'utf8')).releases;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** What breaks the first-release rule, one line per package (none when the plan is right). */
export function firstReleaseProblems(packages, releases) {
  const planned = new Map(releases.map((release) => [release.name, release]));
  const problems = [];
  for (const { name, version, released } of packages) {
    if (released) continue;
    if (version !== '0.0.0')
      problems.push(
        `${name} was never released but is at ${version}: set it to 0.0.0, so that its first minor changeset gives ${FIRST_RELEASE_VERSION}`,
      );
    const release = planned.get(name);
    if (release === undefined || release.type === 'none')
      problems.push(
        `${name} was never released and no changeset releases it: add a minor changeset for its first release`,
      );
    else if (release.newVersion !== FIRST_RELEASE_VERSION) {
      problems.push(
        `${name} would be released as ${release.newVersion} (${release.type}); a first release is ${FIRST_RELEASE_VERSION}: give it a minor changeset`,
      );
    }
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const packages = publishedVersions();
  const releases = plannedReleases();
  const planned = new Map(releases.map((release) => [release.name, release]));
  for (const { name, version, released } of packages) {
    const release = planned.get(name);
    const next =
      release === undefined || release.type === 'none' ? 'not released' : `${release.newVersion} (${release.type})`;
    console.log(`${name.padEnd(28)} ${version} → ${next}${released ? '' : ', first release'}`);
  }
  const problems = firstReleaseProblems(packages, releases);
  for (const problem of problems) console.error(problem);
  process.exitCode = problems.length > 0 ? 1 : 0;
}
