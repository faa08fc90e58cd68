// Package hygiene, run by the root `pnpm test` after every package is built: each published package under packages/
// is packed as `pnpm publish` would pack it, linted by publint (strict, every level), checked by arethetypeswrong
// (profile esm-only), and installed from its tarball into a consumer compiled under moduleResolution node16, bundler
// and nodenext.
// Any problem fails the run. `node tooling/runtime-smoke/dist/check-packages.js`.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkTypeResolution } from './check-type-resolution.js';
import { checkTypesWrong } from './check-types-wrong.js';
import { lintPackage } from './lint-package.js';
import { listPublishedPackages } from './list-published-packages.js';
import { packPackages } from './pack-packages.js';
import { runCommand } from './run-command.js';

/** The `attw` CLI's own report of a tarball, to show beside our one-line findings. */
async function attwTable(tarball: string): Promise<string> {
  const cli = createRequire(import.meta.url)
    .resolve('@arethetypeswrong/cli/package.json')
    .replace(/package\.json$/, 'dist/index.js');
  const result = await runCommand(
    process.execPath,
    [cli, tarball, '--profile', 'esm-only', '--format', 'table-flipped', '--no-color', '--no-emoji'],
    { cwd: tmpdir(), timeoutMs: 120_000 },
  );
  return `attw ${tarball} --profile esm-only (exit ${result.code}):\n${result.stdout}${result.stderr}`.trimEnd();
}

function indent(problems: readonly string[]): string {
  return problems.map((problem) => `\n         ${problem.replaceAll('\n', '\n         ')}`).join('');
}

/** Checks every published package of the repository; prints what it finds and returns whether all are clean. */
export async function checkPackages(
  repositoryRoot: string,
  fixtureDirectory: string,
  log: (line: string) => void,
): Promise<boolean> {
  const started = performance.now();
  const packages = listPublishedPackages(repositoryRoot);
  log(
    `package hygiene: ${packages.length} published packages (publint --strict, attw --profile esm-only, tsc with moduleResolution node16, bundler, nodenext)`,
  );
  let clean = true;
  const packDirectory = await mkdtemp(join(tmpdir(), 'rig-hygiene-pack-'));
  try {
    const tarballs = await packPackages(packages, packDirectory, repositoryRoot);
    for (const item of packages) {
      const tarball = new Uint8Array(await readFile(tarballs.get(item.name)!));
      const typeProblems = await checkTypesWrong(tarball);
      const problems = [...(await lintPackage(tarball)), ...typeProblems];
      if (problems.length > 0) clean = false;
      log(`  ${problems.length === 0 ? 'ok  ' : 'FAIL'} ${item.name}${indent(problems)}`);
      if (typeProblems.length > 0) log(indent([await attwTable(tarballs.get(item.name)!)]));
    }
    const entryPoints = packages.reduce((count, item) => count + item.entryPoints.length, 0);
    const packed = packages.map((item) => ({ package: item, tarball: tarballs.get(item.name)! }));
    for (const result of await checkTypeResolution(packed, fixtureDirectory)) {
      if (result.problems.length > 0) clean = false;
      log(
        `  ${result.problems.length === 0 ? 'ok  ' : 'FAIL'} ${entryPoints} entry points compile with moduleResolution ${result.moduleResolution}${indent(result.problems)}`,
      );
    }
  } finally {
    await rm(packDirectory, { recursive: true, force: true });
  }
  log(
    `package hygiene: ${clean ? 'clean' : 'problems found (see FAIL above)'} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return clean;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
  const fixtureDirectory = fileURLToPath(new URL('../type-resolution/', import.meta.url));
  const clean = await checkPackages(repositoryRoot, fixtureDirectory, (line) => console.log(line));
  if (!clean) process.exitCode = 1;
}
