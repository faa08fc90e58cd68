import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './launch-chromium.js';
import { CHROMIUM_HELP, SYSTEM_CHROMIUM_PATH } from './locate-chromium.js';

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'rig-test-chromium-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function listen(body: () => string): Promise<{ url: string; server: Server }> {
  const server = createServer((_request, response) => {
    response.setHeader('content-type', 'text/html');
    response.end(body());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server };
}

describe('launchChromium', () => {
  it('starts the machine’s Chromium by default: /usr/bin/chromium if installed, else the packaged one', async () => {
    const launched = await launchChromium();
    try {
      const expected = process.env.RIG_CHROMIUM ? 'variable' : existsSync(SYSTEM_CHROMIUM_PATH) ? 'system' : 'package';
      expect(launched.location.source).toBe(expected);
      expect(launched.browser.version()).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    } finally {
      await launched.close();
    }
  });

  it('runs the packaged Chromium with web security on: a page cannot read another origin without CORS', async () => {
    const launched = await launchChromium({ override: undefined, systemPath: join(scratch, 'no-such-chromium') });
    const secret = await listen(() => 'secret');
    const page = await listen(() => '<p>page</p>');
    try {
      expect(launched.location.source).toBe('package');
      const tab = await launched.browser.newPage();
      await tab.goto(page.url);
      const read = await tab.evaluate(
        async (url) =>
          fetch(url)
            .then((response) => response.text())
            .catch((error: Error) => `blocked: ${error.message}`),
        secret.url,
      );
      expect(read).toBe('blocked: Failed to fetch');
      expect(await tab.evaluate(() => navigator.userAgent)).toMatch(/HeadlessChrome\/\d+/);
    } finally {
      await launched.close();
      secret.server.close();
      page.server.close();
    }
  });

  it('fails, never skips, with what to do when the binary does not start', async () => {
    const broken = join(scratch, 'broken-chromium');
    writeFileSync(broken, '#!/bin/sh\necho "error while loading shared libraries: libnss3.so" >&2\nexit 127\n');
    chmodSync(broken, 0o755);
    const error = (await launchChromium({ override: broken }).catch((caught: unknown) => caught)) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message.startsWith(`Chromium did not start from ${broken} (variable). ${CHROMIUM_HELP}\n`)).toBe(true);
    expect(error.message).toContain('libnss3.so');
    expect(error.cause).toBeInstanceOf(Error);
  });
});
