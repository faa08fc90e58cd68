import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_HELP, locateChromium, type ChromiumLocation, type LocateChromiumOptions } from './locate-chromium.js';

/**
 * Headless, no sandbox (root in CI), and nothing that reaches the network on its own. Web security stays on: the
 * tests check CORS between origins (so `@sparticuz/chromium`'s own `args`, made for serverless hosts, which turn it
 * off, are not used).
 */
export const CHROMIUM_FLAGS: readonly string[] = [
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
  /** Which binary runs, and why that one. */
  location: ChromiumLocation;
  close(): Promise<void>;
}

/** Options of {@link launchChromium}. */
export interface LaunchChromiumOptions extends LocateChromiumOptions {
  /** How long Chromium may take to start. @default 60_000 */
  timeoutMs?: number;
}

/**
 * Starts headless Chromium (see {@link locateChromium} for which one) with a fresh profile that playwright removes on
 * close. Rejects with a message that says what to do when no Chromium is found or it does not start: browser tests
 * fail, they never skip.
 */
export async function launchChromium(options: LaunchChromiumOptions = {}): Promise<LaunchedChromium> {
  const location = await locateChromium(options);
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: location.executablePath,
      args: [...CHROMIUM_FLAGS],
      headless: true,
      timeout: options.timeoutMs ?? 60_000,
    });
  } catch (error) {
    throw new Error(
      `Chromium did not start from ${location.executablePath} (${location.source}). ${CHROMIUM_HELP}\n${(error as Error).message}`,
      { cause: error },
    );
  }
  return { browser, location, close: () => browser.close() };
}
