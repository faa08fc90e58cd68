// `pnpm --filter @rig-ts/bench bench:pacing`: runs 1,000 prompts through the OpenAI and the Anthropic clients, 64 at a
// time with @rig-ts/pacing's mapConcurrent, against a server in its own process that enforces a rate limit of 50
// requests a second (a bucket of 50 refilled continuously, as OpenAI and Anthropic describe theirs; the server of the
// pacing tests, packages/pacing/src/test-utils/rate-limited-server.mjs): with pacedFetch, and without it (the client's
// own retries only). Prints the 429s, the failed prompts, the time, and the rate against the limit. Never fails on timing.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as anthropic from '@rig-ts/anthropic';
import * as openai from '@rig-ts/openai';
import { mapConcurrent, pacedFetch } from '@rig-ts/pacing';

const LIMIT = 50;
const PROMPTS = Array.from({ length: 1000 }, (_, index) => `Classify review ${index}`);
const SERVER = fileURLToPath(new URL('../../packages/pacing/src/test-utils/rate-limited-server.mjs', import.meta.url));

async function run(style, paced) {
  const server = spawn(process.execPath, [SERVER, String(LIMIT), '1000', style], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve) => server.stdout.once('data', (data) => resolve(String(data).trim())));
  try {
    const options = { apiKey: 'bench', baseURL: `${url}/v1`, ...(paced ? { fetch: pacedFetch() } : {}) };
    const model =
      style === 'openai'
        ? openai.chatCompletionsModel(new openai.Client(options), 'gpt-4.1-nano')
        : new anthropic.Client(options).completionModel('claude-sonnet-4-5');
    const started = performance.now();
    const outcomes = await mapConcurrent(
      PROMPTS,
      (prompt, _index, { signal }) =>
        model.prompt(prompt, { signal }).then(
          () => true,
          () => false,
        ),
      { concurrency: 64 },
    );
    const seconds = (performance.now() - started) / 1000;
    const { answered, limited } = await (await fetch(`${url}/stats`)).json();
    const rate = (answered.length - LIMIT) / ((answered.at(-1) - answered[0]) / 1000);
    return {
      style,
      paced,
      seconds,
      failed: outcomes.filter((ok) => !ok).length,
      limited: limited.length,
      answered: answered.length,
      rate,
    };
  } finally {
    server.kill();
  }
}

const rows = [];
for (const style of ['openai', 'anthropic']) for (const paced of [true, false]) rows.push(await run(style, paced));
console.log(`1,000 prompts, 64 at a time, against a limit of ${LIMIT} requests/s (Node ${process.version})\n`);
console.log('| client | pacing | 429s | prompts failed | time | rate after the first 50 | of the limit |');
console.log('|---|---|---:|---:|---:|---:|---:|');
for (const row of rows) {
  console.log(
    `| ${row.style} | ${row.paced ? 'pacedFetch' : 'none (client retries)'} | ${row.limited} | ${row.failed} | ${row.seconds.toFixed(1)} s | ${row.rate.toFixed(1)}/s | ${((row.rate / LIMIT) * 100).toFixed(0)}% |`,
  );
}
