import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(packageDir, '..', '..');
const script = join(root, 'scripts', 'new-provider.mjs');
const tsc = join(packageDir, 'node_modules', 'typescript', 'bin', 'tsc');
const vitest = join(packageDir, 'node_modules', 'vitest', 'vitest.mjs');

// Generated under this package, so that the generated package resolves @rig-ts/core, @rig-ts/openai-wire,
// @rig-ts/fixtures, @rig-ts/provider-tests, vitest and typescript from this package's node_modules (this folder is
// outside the workspace globs; see .gitignore).
let workspace: string;
beforeAll(() => {
  mkdirSync(join(packageDir, '.generated'), { recursive: true });
  workspace = mkdtempSync(join(packageDir, '.generated', 'run-'));
});
afterAll(() => {
  rmSync(workspace, { recursive: true, force: true });
  if (readdirSync(join(packageDir, '.generated')).length === 0)
    rmSync(join(packageDir, '.generated'), { recursive: true });
});

function run(command: string, args: string[], cwd = root): { status: number | null; stdout: string; stderr: string } {
  // A clean environment: the child vitest must not think it runs inside this test's worker.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_OPTIONS'),
  );
  const result = spawnSync(command, args, {
    cwd,
    env: { ...env, INIT_CWD: cwd, NO_COLOR: '1', FORCE_COLOR: '0' },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function listFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

describe('pnpm new-provider', () => {
  it('generates a package that builds, type-checks and passes its tests, with a README and a changeset', async () => {
    const target = join(workspace, 'acme-ai');
    const changesets = join(workspace, 'changesets');
    const generated = run(process.execPath, [
      script,
      'acme-ai',
      '--display-name',
      'Acme AI',
      '--base-url',
      'https://api.acme.test/v1/',
      '--dir',
      target,
      '--changeset-dir',
      changesets,
    ]);
    expect(generated.stderr).toBe('');
    expect(generated.status).toBe(0);
    expect(generated.stdout).toContain('created @rig-ts/acme-ai in ');
    expect(generated.stdout).toContain('pnpm api:update   (records its exports and ACME_AI_DEFAULTS under api/');

    expect(listFiles(target)).toEqual([
      'README.md',
      'package.json',
      'src/__fixtures__/stub-text.json',
      'src/__fixtures__/stub-tool-call.chunks.txt',
      'src/acme-ai-options.ts',
      'src/acme-ai-provider.test.ts',
      'src/acme-ai-provider.ts',
      'src/acme-ai-settings.ts',
      'src/index.ts',
      'src/version.ts',
      'tsconfig.build.json',
      'tsconfig.json',
      'vitest.config.ts',
    ]);
    const manifest = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({
      name: '@rig-ts/acme-ai',
      type: 'module',
      sideEffects: false,
      exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './package.json': './package.json' },
      files: ['dist', 'README.md', 'CHANGELOG.md'],
      scripts: {
        build: `node ${relative(target, join(root, 'scripts', 'build-package.mjs'))
          .split('\\')
          .join('/')}`,
        typecheck: 'tsc -p tsconfig.json --noEmit',
        test: 'vitest run',
        'derive-expectations': `node ${relative(
          target,
          join(root, 'tooling', 'provider-tests', 'derive-expectations.mjs'),
        )
          .split('\\')
          .join('/')} src/__fixtures__/expectations.json`,
      },
      dependencies: { '@rig-ts/core': 'workspace:^', '@rig-ts/openai-wire': 'workspace:^' },
      devDependencies: {
        typescript: expect.any(String),
        vitest: expect.any(String),
        '@types/node': expect.any(String),
      },
    });
    expect(JSON.parse(readFileSync(join(target, 'tsconfig.json'), 'utf8')).extends).toBe(
      relative(target, join(root, 'tsconfig.base.json')).split('\\').join('/'),
    );
    expect(readFileSync(join(target, 'src', 'acme-ai-settings.ts'), 'utf8')).toContain(
      "baseURL: 'https://api.acme.test/v1',",
    );
    expect(readFileSync(join(target, 'README.md'), 'utf8')).toMatch(/^# @rig-ts\/acme-ai\n\nAcme AI for \[rig-ts\]/);
    expect(readFileSync(join(changesets, 'acme-ai.md'), 'utf8')).toBe(
      '---\n"@rig-ts/acme-ai": minor\n---\n\nacme-ai: first release — Acme AI Chat Completions with streaming, tool calls and typed options (minor: new package).\n',
    );
    for (const file of ['acme-ai-options.ts', 'acme-ai-provider.ts', 'acme-ai-settings.ts', 'index.ts', 'version.ts']) {
      expect(readFileSync(join(target, 'src', file), 'utf8')).not.toMatch(/from 'node:/);
    }

    // The package's own build script, as `pnpm build` runs it: one bundled file, its source map, one .d.ts per source.
    const build = run(process.execPath, [join(root, 'scripts', 'build-package.mjs')], target);
    expect(build.stderr).toBe('');
    expect(build.stdout).toBe('built 1 entry point(s) into dist/\n');
    expect(build.status).toBe(0);
    expect(listFiles(join(target, 'dist'))).toEqual([
      'acme-ai-options.d.ts',
      'acme-ai-provider.d.ts',
      'acme-ai-settings.d.ts',
      'index.d.ts',
      'index.js',
      'index.js.map',
      'version.d.ts',
    ]);

    // What `pnpm api:update` records in api/defaults.json for the built package: the defaults named by the arguments.
    const { collectDefaults } = (await import(pathToFileURL(join(root, 'scripts', 'api-defaults.mjs')).href)) as {
      collectDefaults(packages: object[]): Promise<Record<string, Record<string, Record<string, unknown>>>>;
    };
    const defaults = await collectDefaults([{ name: manifest.name, directory: target, manifest }]);
    expect(Object.keys(defaults['@rig-ts/acme-ai']?.['.'] ?? {})).toEqual(['ACME_AI_DEFAULTS']);
    expect(defaults['@rig-ts/acme-ai']?.['.']?.ACME_AI_DEFAULTS).toMatchObject({
      provider: 'acme-ai',
      displayName: 'Acme AI',
      baseURL: 'https://api.acme.test/v1',
      apiKeyVariables: ['ACME_AI_API_KEY'],
      baseURLVariable: 'ACME_AI_BASE_URL',
    });

    const typecheck = run(process.execPath, [tsc, '-p', 'tsconfig.json', '--noEmit'], target);
    expect(typecheck.stdout + typecheck.stderr).toBe('');
    expect(typecheck.status).toBe(0);

    const tests = run(process.execPath, [vitest, 'run', '--reporter=verbose'], target);
    expect(tests.status).toBe(0);
    expect(tests.stdout).toMatch(/Tests\s+3 passed \(3\)/);

    // CONTRIBUTING's step 3: the generated derive-expectations script runs from the package (here on Groq's recordings).
    const derive = run(
      process.execPath,
      [...manifest.scripts['derive-expectations'].split(' ').slice(1), 'groq/vercel-ai'],
      target,
    );
    expect({ status: derive.status, stderr: derive.stderr }).toEqual({ status: 0, stderr: '' });
    expect(derive.stdout).toMatch(/src\/__fixtures__\/expectations\.json: \d+ chat and 0 responses recordings\n$/);
    expect(JSON.parse(readFileSync(join(target, 'src', '__fixtures__', 'expectations.json'), 'utf8')).dirs).toEqual([
      'groq/vercel-ai',
    ]);
  });

  it.each([
    [[], 'new-provider: give the provider name'],
    [
      ['Acme'],
      'new-provider: "Acme" is not a valid provider name: use lowercase letters, digits and single dashes, starting with a letter (e.g. acme or acme-ai)',
    ],
    [
      ['acme--ai'],
      'new-provider: "acme--ai" is not a valid provider name: use lowercase letters, digits and single dashes, starting with a letter (e.g. acme or acme-ai)',
    ],
    [
      ['1acme'],
      'new-provider: "1acme" is not a valid provider name: use lowercase letters, digits and single dashes, starting with a letter (e.g. acme or acme-ai)',
    ],
    [['openai'], 'new-provider: packages/openai already exists: pick another name, or edit that package'],
    [['openai-wire'], 'new-provider: "openai-wire" is reserved for a package of the repository that is not a provider'],
    // A private package under tooling/ holds the npm name too.
    [['reliability'], 'new-provider: @rig-ts/reliability already exists in the workspace'],
    [['acme', 'beta'], 'new-provider: give one name, not 2'],
    [
      ['acme', '--base-url', 'ftp://files.acme.test'],
      'new-provider: --base-url "ftp://files.acme.test" is not an http(s) URL',
    ],
    [
      ['acme', '--env-prefix', 'acme'],
      'new-provider: --env-prefix "acme" must be uppercase letters, digits and underscores',
    ],
    [['acme', '--colour'], 'new-provider: unknown option --colour'],
  ])('refuses %j with a clear message and writes nothing', (args, message) => {
    const before = listFiles(workspace);
    const result = run(process.execPath, [
      script,
      ...args,
      ...(args.length > 0 && !args.includes('--dir') ? ['--dir', join(workspace, 'refused')] : []),
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe(message);
    expect(result.stderr).toContain('usage: pnpm new-provider <name> [options]');
    expect(existsSync(join(workspace, 'refused'))).toBe(false);
    expect(listFiles(workspace)).toEqual(before);
  });

  it('refuses a folder that is not empty', () => {
    const target = join(workspace, 'taken');
    mkdirSync(join(target, 'src'), { recursive: true });
    const result = run(process.execPath, [script, 'acme', '--dir', target, '--no-changeset']);
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe(`new-provider: ${target} already exists and is not empty`);
  });
});
