// Server mode end to end in Chromium: the built page talks to its own server's /api/chat (server.mjs), which holds
// the (simulator) key and streams with pipeToNodeResponse; the page reads with readStreamResponse.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium, type LaunchedChromium } from '@rig-ts/test-chromium';
import { simulatedAnswer } from '@rig-ts/testkit';
import { startSimulator, type Simulator } from '@rig-ts/testkit/simulator';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error server.mjs is plain JavaScript, run by node as it is.
import { startChatServer } from '../server.mjs';

const app = fileURLToPath(new URL('..', import.meta.url));

describe('the web app in server mode, in Chromium', () => {
  let simulator: Simulator;
  let site: { url: string; close(): Promise<void> };
  let chromium: LaunchedChromium;
  let page: Page;
  const ends: { cancelled: boolean }[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    if (!existsSync(`${app}dist/index.html`)) throw new Error('run `pnpm build` first: dist/index.html is missing');
    simulator = await startSimulator({ delayMs: 40 });
    site = (await startChatServer({
      dist: `${app}dist`,
      simulatorURL: simulator.url,
      onStreamEnd: (end: { cancelled: boolean }) => ends.push(end),
    })) as typeof site;
    chromium = await launchChromium();
    page = await chromium.browser.newPage();
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    await page.goto(`${site.url}/?provider=server`);
  });

  afterAll(async () => {
    await chromium?.close();
    await site?.close();
    await simulator?.close();
  });

  it('streams the answer from /api/chat, with no key in the page', async () => {
    expect(await page.locator('#provider').inputValue()).toBe('server');
    expect(await page.locator('#api-key-field').isHidden()).toBe(true);
    simulator.reset();
    const prompt = 'Hello through my server';
    await page.locator('#prompt').fill(prompt);
    await page.locator('#send').click();
    await page.locator('#answer-status[data-state="done"]').waitFor();
    expect(await page.locator('#answer').textContent()).toBe(simulatedAnswer(prompt));
    expect(await page.locator('#answer-status').textContent()).toMatch(/^\d+ prompt \+ \d+ completion = \d+ tokens/);
    expect(simulator.requests).toHaveLength(1);
    expect(simulator.requests[0]).toMatchObject({ method: 'POST', url: '/v1/responses', stream: true });
    await expect.poll(() => ends.at(-1)).toEqual({ cancelled: false });
  });

  it('Stop cancels the stream, and the server sees the cancel', async () => {
    ends.length = 0;
    await page.locator('#prompt').fill('Stop me, server');
    await page.locator('#send').click();
    await page.locator('#answer-status').filter({ hasText: 'Streaming…' }).waitFor();
    await page.locator('#stop').click();
    await page.locator('#answer-status[data-state="cancelled"]').waitFor();
    await expect.poll(() => ends).toEqual([{ cancelled: true }]);
    expect((await page.locator('#answer').textContent())!.length).toBeLessThan(
      simulatedAnswer('Stop me, server').length,
    );
  });

  it('shows an error that happens mid-stream, as the server chose to tell it', async () => {
    await page.locator('#model').fill('rig-sim-fault-cut');
    await page.locator('#prompt').fill('Cut me');
    await page.locator('#send').click();
    await page.locator('#answer-status[data-state="error"]').waitFor();
    expect(await page.locator('#answer-status').textContent()).toBe('the model provider could not be reached');
    expect(problems).toEqual([]);
  });
});
