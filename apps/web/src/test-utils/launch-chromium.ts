import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Headless, no sandbox (root in CI), and nothing that reaches the network on its own. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A running Chromium driven by playwright-core. */
export interface LaunchedChromium {
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Launches /usr/bin/chromium through playwright-core (a fresh profile it removes on close). Fails with a clear message
 * when Chromium is not installed: the browser test never skips silently.
 */
export async function launchChromium(): Promise<LaunchedChromium> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}, so the browser test cannot run: install it with \`apt-get install -y chromium\` (as .ci/run does)`);
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
  return { browser, close: () => browser.close() };
}
