import { launchChromium } from '@rig-ts/test-chromium';

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
 * Opens `url` in headless Chromium (a fresh profile; @rig-ts/test-chromium picks the binary) and collects the console
 * until a `smoke: passed` or `smoke: failed` line, or `timeoutMs`.
 */
export async function runInChromium(url: string, timeoutMs: number): Promise<BrowserRun> {
  const started = performance.now();
  const chromium = await launchChromium({ timeoutMs });
  try {
    const page = await chromium.browser.newPage();
    const consoleLines: string[] = [];
    const pageErrors: string[] = [];
    const finished = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `no smoke result within ${timeoutMs} ms; console so far:\n${consoleLines.join('\n')}\npage errors:\n${pageErrors.join('\n')}`,
            ),
          ),
        timeoutMs,
      );
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
    return {
      console: consoleLines,
      pageErrors,
      browserVersion: chromium.browser.version(),
      durationMs: Math.round(performance.now() - started),
    };
  } finally {
    await chromium.close();
  }
}
