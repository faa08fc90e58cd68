import { existsSync } from 'node:fs';
import { isExecutable } from './is-executable.js';
import { CHROMIUM_PACKAGE, unpackPackagedChromium, type PackagedChromiumOptions } from './unpack-packaged-chromium.js';

/** Debian's Chromium (`apt-get install chromium`), used whenever it is installed. */
export const SYSTEM_CHROMIUM_PATH = '/usr/bin/chromium';

/** The variable that names a Chromium (or Chrome) binary to use instead of any other. */
export const CHROMIUM_VARIABLE = 'RIG_CHROMIUM';

/** What to do when no Chromium can be found or started; every error of this package ends with it. */
export const CHROMIUM_HELP =
  `The browser tests need a Chromium: ${CHROMIUM_VARIABLE} when set, else ${SYSTEM_CHROMIUM_PATH}, else the Chromium shipped ` +
  `inside the npm package ${CHROMIUM_PACKAGE} (Linux x64 only). Run \`pnpm install\` at the repository root to get the ` +
  `packaged one, or install Debian's (\`apt-get install chromium\`), or set ${CHROMIUM_VARIABLE} to a Chromium or Chrome binary.`;

/** Which Chromium was found, and why that one. */
export interface ChromiumLocation {
  executablePath: string;
  /** `variable`: named by `RIG_CHROMIUM`; `system`: `/usr/bin/chromium`; `package`: unpacked from `@sparticuz/chromium`. */
  source: 'variable' | 'system' | 'package';
}

/** Options of {@link locateChromium}; each defaults to the real machine's. */
export interface LocateChromiumOptions extends PackagedChromiumOptions {
  /** A binary to use instead of any other. @default process.env.RIG_CHROMIUM */
  override?: string | undefined;
  /** Where the system's Chromium is. @default '/usr/bin/chromium' */
  systemPath?: string;
  /** @default process.platform */
  platform?: string;
  /** @default process.arch */
  arch?: string;
}

/**
 * The Chromium to drive: the one `RIG_CHROMIUM` names, else `/usr/bin/chromium` when it exists, else the Chromium
 * inside `@sparticuz/chromium` (unpacked on first use). Rejects, saying what to do, when none is there.
 */
export async function locateChromium(options: LocateChromiumOptions = {}): Promise<ChromiumLocation> {
  const override = 'override' in options ? options.override : process.env[CHROMIUM_VARIABLE];
  if (override !== undefined && override !== '') {
    if (!isExecutable(override))
      throw new Error(`${CHROMIUM_VARIABLE} names ${override}, which is not an executable file. ${CHROMIUM_HELP}`);
    return { executablePath: override, source: 'variable' };
  }
  const systemPath = options.systemPath ?? SYSTEM_CHROMIUM_PATH;
  if (existsSync(systemPath)) {
    if (!isExecutable(systemPath)) throw new Error(`${systemPath} exists but is not executable. ${CHROMIUM_HELP}`);
    return { executablePath: systemPath, source: 'system' };
  }
  const platform = options.platform ?? process.platform;
  const arch = options.arch ?? process.arch;
  if (platform !== 'linux' || arch !== 'x64') {
    throw new Error(
      `No Chromium found: ${systemPath} does not exist, and the Chromium of ${CHROMIUM_PACKAGE} runs only on Linux x64 (this is ${platform} ${arch}). ${CHROMIUM_HELP}`,
    );
  }
  try {
    const packaged = await unpackPackagedChromium(options);
    return { executablePath: packaged.executablePath, source: 'package' };
  } catch (error) {
    throw new Error(
      `No Chromium found: ${systemPath} does not exist, and ${(error as Error).message}. ${CHROMIUM_HELP}`,
      { cause: error },
    );
  }
}
