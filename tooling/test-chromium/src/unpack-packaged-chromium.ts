import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';

const require = createRequire(import.meta.url);

/** The npm package whose `bin/chromium.br` is a Brotli-compressed Chromium for Linux x64 (headless shell). */
export const CHROMIUM_PACKAGE = '@sparticuz/chromium';

/** Where the packaged Chromium is and where it is unpacked to. */
export interface PackagedChromium {
  /** The package's version, which names the unpacked binary. */
  version: string;
  /** The compressed binary inside the installed package. */
  compressedPath: string;
  /** The unpacked binary (it may not exist yet). */
  executablePath: string;
}

/** Options of {@link findPackagedChromium} and {@link unpackPackagedChromium}. */
export interface PackagedChromiumOptions {
  /**
   * The folder of the installed package.
   * @default resolved from this package's dependencies
   */
  packageDirectory?: string;
  /**
   * The folder the binary is unpacked into; each version gets its own file, shared by every checkout of the user.
   * @default the system's temporary folder
   */
  cacheDirectory?: string;
}

/** The installed package's folder: its `exports` map hides `package.json`, so it is found from its entry point. */
function installedPackageDirectory(): string {
  let entry: string;
  try {
    entry = require.resolve(CHROMIUM_PACKAGE);
  } catch (error) {
    throw new Error(
      `the npm package ${CHROMIUM_PACKAGE} is not installed (run \`pnpm install\` at the repository root)`,
      { cause: error },
    );
  }
  // <package>/build/index.js
  return dirname(dirname(entry));
}

/** Locates the packaged Chromium without touching the disk beyond reading the package's manifest. */
export function findPackagedChromium(options: PackagedChromiumOptions = {}): PackagedChromium {
  const packageDirectory = options.packageDirectory ?? installedPackageDirectory();
  const manifestPath = join(packageDirectory, 'package.json');
  if (!existsSync(manifestPath))
    throw new Error(
      `${packageDirectory} holds no package.json: the npm package ${CHROMIUM_PACKAGE} is not installed there`,
    );
  const version = (JSON.parse(readFileSync(manifestPath, 'utf8')) as { version?: unknown }).version;
  if (typeof version !== 'string' || !/^[\w.+-]+$/.test(version))
    throw new Error(`${manifestPath} has no usable version`);
  const compressedPath = join(packageDirectory, 'bin', 'chromium.br');
  const user = typeof process.getuid === 'function' ? `-${process.getuid()}` : '';
  const executablePath = join(options.cacheDirectory ?? tmpdir(), `rig-ts-chromium-${version}${user}`);
  return { version, compressedPath, executablePath };
}

/**
 * The packaged Chromium, unpacked on first use (about 200 MB, a few seconds) and reused after. Nothing is downloaded:
 * the binary ships inside the npm package. The file is written under another name and then renamed, so a second
 * process unpacking at the same time never runs a half-written binary, and a leftover of an interrupted unpacking is
 * never mistaken for the binary.
 */
export async function unpackPackagedChromium(options: PackagedChromiumOptions = {}): Promise<PackagedChromium> {
  const packaged = findPackagedChromium(options);
  if (existsSync(packaged.executablePath)) return packaged;
  if (!existsSync(packaged.compressedPath))
    throw new Error(
      `${packaged.compressedPath} is missing: the npm package ${CHROMIUM_PACKAGE} ships no Chromium there`,
    );
  await mkdir(dirname(packaged.executablePath), { recursive: true });
  // A name of its own per unpacking, also for two unpackings of one process within the same millisecond.
  const partial = `${packaged.executablePath}.${process.pid}-${randomUUID()}.partial`;
  try {
    await pipeline(
      createReadStream(packaged.compressedPath),
      createBrotliDecompress(),
      createWriteStream(partial, { mode: 0o755 }),
    );
    await rename(partial, packaged.executablePath);
  } catch (error) {
    await rm(partial, { force: true });
    throw new Error(
      `could not unpack ${packaged.compressedPath} to ${packaged.executablePath}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  return packaged;
}
