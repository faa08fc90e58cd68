// The production build of the page, end to end in Chromium (driven by playwright-core; @rig-ts/test-chromium picks the
// binary): the page talks to the provider simulator over HTTP, as it would to a provider, through the real @rig-ts
// packages in its bundle.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium, type LaunchedChromium } from '@rig-ts/test-chromium';
import { simulatedAnswer } from '@rig-ts/testkit';
import { startSimulator, type Simulator } from '@rig-ts/testkit/simulator';
import type { ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SentimentAnalysis } from './schemas.gen.js';
// @ts-expect-error server.mjs is plain JavaScript, run by node as it is.
import { startChatServer } from '../server.mjs';

const app = fileURLToPath(new URL('..', import.meta.url));
const USAGE = /^\d+ prompt \+ \d+ completion = \d+ tokens · first token \d+ ms · total (\d+ ms|\d+\.\d\d s)$/;

describe('the web app in Chromium', () => {
  let simulator: Simulator;
  let site: { url: string; close(): Promise<void> };
  let chromium: LaunchedChromium;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    // The page as `pnpm build` made it (turbo builds the app before its tests).
    const builtPage = `${app}dist/index.html`;
    if (!existsSync(builtPage)) throw new Error(`run \`pnpm build\` first: ${builtPage} is missing`);
    // 40 ms between streamed frames: the answer arrives in visibly separate pieces.
    simulator = await startSimulator({ delayMs: 40 });
    // server.mjs serves the built page; this page, in browser mode, never calls its /api/chat.
    site = (await startChatServer({ dist: `${app}dist`, simulatorURL: simulator.url })) as typeof site;
    chromium = await launchChromium();
    page = await chromium.browser.newPage();
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error' || message.type() === 'warning')
        problems.push(`console.${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    await page.goto(`${site.url}/?sim=${encodeURIComponent(simulator.url)}`);
  });

  afterAll(async () => {
    await chromium?.close();
    await site?.close();
    await simulator?.close();
  });

  it('starts on the simulator, with no key field', async () => {
    expect(await page.locator('#provider').inputValue()).toBe('sim');
    expect(await page.locator('#model').inputValue()).toBe('rig-sim');
    expect(await page.locator('#base-url').inputValue()).toBe(simulator.url);
    expect(await page.locator('#api-key-field').isHidden()).toBe(true);
  });

  it('streams the answer in: the text grows piece by piece, then the usage is shown', async () => {
    simulator.reset();
    // Every length the answer takes, recorded in the page as the DOM changes.
    await page.evaluate(() => {
      const lengths: number[] = [];
      (window as unknown as { answerLengths: number[] }).answerLengths = lengths;
      new MutationObserver(() => lengths.push(document.getElementById('answer')!.textContent!.length)).observe(
        document.getElementById('answer')!,
        {
          subtree: true,
          childList: true,
          characterData: true,
        },
      );
    });
    const prompt = 'Hello from Chromium';
    await page.locator('#prompt').fill(prompt);
    await page.locator('#send').click();
    await page.locator('#answer-status[data-state="done"]').waitFor();

    const answer = simulatedAnswer(prompt);
    expect(await page.locator('#answer').textContent()).toBe(answer);
    expect(await page.locator('#answer-status').textContent()).toMatch(USAGE);
    const lengths = await page.evaluate(() => (window as unknown as { answerLengths: number[] }).answerLengths);
    const growing = [...new Set(lengths)].filter((length) => length > 0 && length < answer.length);
    expect(growing.length).toBeGreaterThan(1);
    expect(lengths.at(-1)).toBe(answer.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));

    expect(simulator.requests).toHaveLength(1);
    expect(simulator.requests[0]).toMatchObject({
      method: 'POST',
      url: '/v1/responses',
      api: 'openai-responses',
      model: 'rig-sim',
      stream: true,
    });
    expect((simulator.requests[0]!.body as { input: unknown }).input).toEqual([{ role: 'user', content: prompt }]);
  });

  it('stops a streaming answer on Stop', async () => {
    await page.locator('#prompt').fill('Stop me');
    await page.locator('#send').click();
    await page.waitForFunction(() => (document.getElementById('answer')!.textContent ?? '').length > 0);
    await page.locator('#stop').click();
    await page.locator('#answer-status[data-state="cancelled"]').waitFor();
    expect(await page.locator('#answer-status').textContent()).toBe('Stopped.');
    expect((await page.locator('#answer').textContent())!.length).toBeLessThan(simulatedAnswer('Stop me').length);
    expect(await page.locator('#send').isEnabled()).toBe(true);
  });

  it('runs the typed demo: the answer validated against the generated SentimentAnalysis, as a table', async () => {
    simulator.reset();
    await page.locator('#typed-text').fill('I love this product!');
    await page.locator('#analyze').click();
    await page.locator('#typed-status[data-state="done"]').waitFor();
    const rows = await page
      .locator('#typed-result tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [...(row as HTMLTableRowElement).cells].map((cell) => cell.textContent)),
      );
    // The simulator answers with an instance of the requested schema that fits the text: a positive score and label.
    expect(rows).toEqual([
      ['score', '0.75', 'The sentiment score from -1.0 to 1.0'],
      ['label', 'positive', 'The sentiment label'],
    ]);
    expect(await page.locator('#typed-result').isVisible()).toBe(true);
    expect(await page.locator('#typed-status').textContent()).toMatch(
      /^Validated against SentimentAnalysis · total \d+ ms$/,
    );
    // The request asked for the schema natively: OpenAI structured output, strict (every property required, no other).
    expect(simulator.requests).toHaveLength(1);
    expect((simulator.requests[0]!.body as { text: unknown }).text).toEqual({
      format: {
        type: 'json_schema',
        name: 'SentimentAnalysis',
        description: 'The sentiment of a text.',
        strict: true,
        schema: { ...SentimentAnalysis.jsonSchema, required: ['score', 'label'], additionalProperties: false },
      },
    });
  });

  it('shows a provider error in the page', async () => {
    // Its own page: Chromium itself logs every HTTP error status to the console, which the last test forbids.
    const errorPage = await chromium.browser.newPage();
    const uncaught: string[] = [];
    errorPage.on('pageerror', (error) => uncaught.push(error.message));
    await errorPage.goto(`${site.url}/?sim=${encodeURIComponent(simulator.url)}`);
    await errorPage.locator('#model').fill('rig-sim-fault-html');
    await errorPage.locator('#prompt').fill('hello');
    await errorPage.locator('#send').click();
    await errorPage.locator('#answer-status[data-state="error"]').waitFor({ timeout: 30_000 });
    expect(await errorPage.locator('#answer-status').textContent()).toMatch(
      /^OpenAI returned HTTP 502 Bad Gateway for POST http:\/\/127\.0\.0\.1:\d+\/v1\/responses/,
    );
    expect(uncaught).toEqual([]);
    await errorPage.close();
  });

  it('offers the real providers with a key field that stays in memory', async () => {
    await page.locator('#api-key-field').waitFor({ state: 'hidden' });
    await page.locator('#provider').selectOption('anthropic');
    expect(await page.locator('#model').inputValue()).toBe('claude-haiku-4-5');
    expect(await page.locator('#api-key').getAttribute('type')).toBe('password');
    await page.locator('#api-key').fill('sk-ant-typed-in-the-page');
    const stored = await page.evaluate(() =>
      JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie }),
    );
    expect(stored).toBe('{"local":{},"session":{},"cookie":""}');
    // Switching provider drops the key: it is never sent to another provider.
    await page.locator('#provider').selectOption('openai');
    expect(await page.locator('#api-key').inputValue()).toBe('');
    await page.locator('#provider').selectOption('sim');
  });

  it('asks for a missing key in the page’s key field, and sends nothing', async () => {
    simulator.reset();
    await page.locator('#provider').selectOption('gemini');
    // A base URL on the simulator: had the page sent anything, it would have been recorded, not sent out.
    await page.locator('#base-url').fill(`${simulator.url}/v1beta`);
    await page.locator('#prompt').fill('hello');
    await page.locator('#send').click();
    await page.locator('#answer-status[data-state="error"]').waitFor();
    expect(await page.locator('#answer-status').textContent()).toBe(
      'Gemini needs your API key: type it in the API key field above (it stays in this page’s memory).',
    );
    await page.locator('#analyze').click();
    await page.locator('#typed-status[data-state="error"]').waitFor();
    expect(await page.locator('#typed-status').textContent()).toMatch(
      /^Gemini needs your API key: type it in the API key field above/,
    );
    expect(simulator.requests).toEqual([]);
    await page.locator('#provider').selectOption('sim');
  });

  it('logged no console error or warning and no uncaught exception', () => {
    expect(problems).toEqual([]);
  });
});
