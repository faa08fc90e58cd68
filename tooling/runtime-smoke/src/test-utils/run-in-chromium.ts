import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/** Debian's Chromium, or `RIG_SMOKE_CHROMIUM`. */
export const CHROMIUM_PATH = process.env.RIG_SMOKE_CHROMIUM ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** What a page printed until the smoke script said `passed` or `failed`. */
export interface BrowserRun {
  /** Every console message, in order. */
  console: string[];
  /** Uncaught errors of the page. */
  pageErrors: string[];
  /** Chromium's own version. */
  browserVersion: string;
  durationMs: number;
}

/**
 * Opens `url` in headless Chromium (a fresh profile) and collects the console until a `smoke: passed` or
 * `smoke: failed` line, or `timeoutMs`.
 */
export async function runInChromium(url: string, timeoutMs: number): Promise<BrowserRun> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` (Debian), or point RIG_SMOKE_CHROMIUM at a Chromium binary`);
  }
  const started = performance.now();
  const profile = await mkdtemp(join(tmpdir(), 'rig-smoke-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: timeoutMs });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const consoleLines: string[] = [];
    const pageErrors: string[] = [];
    const finished = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no smoke result within ${timeoutMs} ms; console so far:\n${consoleLines.join('\n')}\npage errors:\n${pageErrors.join('\n')}`)), timeoutMs);
      page.on('console', (message) => {
        const text = message.text();
        consoleLines.push(text);
        if (text === 'smoke: passed' || text === 'smoke: failed') {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
    await page.goto(url, { timeout: timeoutMs });
    await finished;
    // A failed run throws after its last line: give the page error a moment to arrive.
    if (consoleLines.at(-1) === 'smoke: failed') await page.waitForTimeout(100);
    const browserVersion = context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent));
    return { console: consoleLines, pageErrors, browserVersion, durationMs: Math.round(performance.now() - started) };
  } finally {
    await context.close();
    // A Chromium helper may still be flushing into the profile for a moment after close: retry on ENOTEMPTY.
    await rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
}
