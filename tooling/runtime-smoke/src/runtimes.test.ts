// Runs the smoke script (src/smoke.js, copied verbatim to dist/ by the build) under Node 20, Node 22, Bun, Deno and
// Chromium against one provider simulator over HTTP, and checks what each printed and what each sent.
import { fileURLToPath } from 'node:url';
import { startSimulator, type Simulator } from '@rig-ts/testkit/simulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { locateServerRuntimes, type ServerRuntime } from './test-utils/locate-runtimes.js';
import { runInChromium } from './test-utils/run-in-chromium.js';
import { runCommand } from './run-command.js';
import { serveSmokePage } from './test-utils/serve-smoke-page.js';

const PACKAGE_DIRECTORY = fileURLToPath(new URL('..', import.meta.url));
const SMOKE_SCRIPT = fileURLToPath(new URL('../dist/smoke.js', import.meta.url));
const RUN_TIMEOUT_MS = 60_000;

/** What every runtime must print after its `runtime` line (timings removed). */
const CHECK_LINES = ['ok prompt', 'ok stream', 'ok typed', 'ok tool', 'ok abort', 'passed'];

/** What every runtime must send, in order: one request per call, two for the agent's tool round trip. */
const EXPECTED_REQUESTS = [
  { method: 'POST', url: '/v1/responses', api: 'openai-responses', model: 'gpt-4o', stream: false },
  { method: 'POST', url: '/v1/messages', api: 'anthropic', model: 'claude-sonnet-4-5', stream: true },
  { method: 'POST', url: '/v1/chat/completions', api: 'openai-chat', model: 'gpt-4o', stream: false },
  { method: 'POST', url: '/v1/messages', api: 'anthropic', model: 'claude-sonnet-4-5', stream: false },
  { method: 'POST', url: '/v1/messages', api: 'anthropic', model: 'claude-sonnet-4-5', stream: false },
  { method: 'POST', url: '/v1/chat/completions', api: 'openai-chat', model: 'gpt-4o', stream: true },
];

/** The `smoke:` lines of an output, without the prefix and the `(N ms)` timings. */
function smokeLines(lines: readonly string[]): string[] {
  return lines
    .filter((line) => line.startsWith('smoke: '))
    .map((line) => line.slice('smoke: '.length).replace(/ \(\d+ ms\)$/, ''));
}

let simulator: Simulator;
const timings: string[] = [];

beforeAll(async () => {
  simulator = await startSimulator();
});
afterAll(async () => {
  await simulator?.close();
  console.log(`runtime smoke timings (whole run, start-up included):\n${timings.join('\n')}`);
});
beforeEach(() => simulator.reset());

function expectRequests(userAgent: RegExp): void {
  const requests = simulator.requests;
  expect(requests.map(({ method, url, api, model, stream }) => ({ method, url, api, model, stream }))).toEqual(
    EXPECTED_REQUESTS,
  );
  for (const request of requests) expect(request.headers['user-agent']).toMatch(userAgent);
  // The typed prompt asked for native structured output with the generated schema.
  expect(requests[2]!.body).toMatchObject({
    response_format: { type: 'json_schema', json_schema: { name: 'SentimentAnalysis', strict: true } },
  });
  // The agent offered the tool with the generated JSON Schema, and sent its result back.
  expect(requests[3]!.body).toMatchObject({ tools: [{ name: 'weather', input_schema: { required: ['city'] } }] });
  expect(JSON.stringify(requests[4]!.body)).toContain('Sunny in Paris');
}

const serverRuntimes = (() => {
  try {
    return locateServerRuntimes();
  } catch (error) {
    return error as Error;
  }
})();

describe.each([
  ['Node 20', 'node20', /^node$/],
  ['Node 22', 'node22', /^node$/],
  ['Bun', 'bun', /^Bun\/1\./],
  ['Deno', 'deno', /^Deno\/2\./],
] as const)('the smoke script under %s', (label, key, userAgent) => {
  it('passes every check over HTTP', async () => {
    if (serverRuntimes instanceof Error) throw serverRuntimes;
    const runtime: ServerRuntime = serverRuntimes[key];
    const result = await runCommand(runtime.command, [...runtime.args, SMOKE_SCRIPT], {
      cwd: PACKAGE_DIRECTORY,
      env: { ...process.env, RIG_SMOKE_SIMULATOR_URL: simulator.url, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
      timeoutMs: RUN_TIMEOUT_MS,
    });
    const report = `${runtime.command} exited with ${result.code ?? result.signal}${result.timedOut ? ' (timed out)' : ''}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`;
    const lines = smokeLines(result.stdout.split('\n'));
    expect(lines[0], report).toMatch(new RegExp(`^runtime ${runtime.name} ${runtime.major}\\.\\d+\\.\\d+$`));
    expect(lines.slice(1), report).toEqual(CHECK_LINES);
    expect(result.code, report).toBe(0);
    expectRequests(userAgent);
    timings.push(`  ${label.padEnd(8)} ${lines[0]!.slice('runtime '.length).padEnd(40)} ${result.durationMs} ms`);
  });
});

describe('the smoke script in Chromium', () => {
  it('passes every check over HTTP, bundled by esbuild and served from another origin', async () => {
    const page = await serveSmokePage(SMOKE_SCRIPT);
    try {
      const run = await runInChromium(`${page.url}?simulator=${encodeURIComponent(simulator.url)}`, RUN_TIMEOUT_MS);
      const report = `console:\n${run.console.join('\n')}\npage errors:\n${run.pageErrors.join('\n')}`;
      const lines = smokeLines(run.console);
      expect(lines[0], report).toMatch(/^runtime browser Mozilla\/5\.0 .*Chrome\/\d+/);
      expect(lines.slice(1), report).toEqual(CHECK_LINES);
      expect(run.pageErrors, report).toEqual([]);
      expectRequests(/Chrome\/\d+/);
      for (const request of simulator.requests) expect(request.headers.origin).toBe(page.url.slice(0, -1));
      timings.push(`  ${'Chromium'.padEnd(8)} ${`chromium ${run.browserVersion}`.padEnd(40)} ${run.durationMs} ms`);
    } finally {
      await page.close();
    }
  });
});
