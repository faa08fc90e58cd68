// `pnpm bench:profile`: where rig-ts's per-call overhead and cold-import time go, layer by layer, so the notes on
// the goals rest on measurements. Part 1 runs in one process with an in-memory fetch (a prebuilt chat-completions
// response; no network), so only client work is timed: each layer's µs per call, medians of 15 rounds of 3,000 calls.
// Part 2 imports each module in a fresh process (15 runs each, medians). Never fails on timing.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import ky from 'ky';
import { HttpTransport } from '@rig-ts/http';
import * as openai from '@rig-ts/openai';

const execute = promisify(execFile);
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

const responseBody = JSON.stringify({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1,
  model: 'bench',
  choices: [
    { index: 0, message: { role: 'assistant', content: 'Quantum computers use qubits.' }, finish_reason: 'stop' },
  ],
  usage: { prompt_tokens: 9, completion_tokens: 6, total_tokens: 15 },
});
const fakeFetch = async () =>
  new Response(responseBody, { status: 200, headers: { 'content-type': 'application/json' } });
const requestBody = { model: 'bench', messages: [{ role: 'user', content: 'Explain quantum computing' }] };

const transport = new HttpTransport({
  provider: 'OpenAI',
  baseURL: 'http://127.0.0.1:1/v1',
  apiKey: 'sk-bench-0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6',
  fetch: fakeFetch,
});
const model = openai.chatCompletionsModel(
  new openai.Client({
    apiKey: 'sk-bench-0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6',
    baseURL: 'http://127.0.0.1:1/v1',
    fetch: fakeFetch,
  }),
  'bench',
);
const kyClient = ky.create({ fetch: fakeFetch, retry: 0, timeout: false });

const layers = {
  'fetch + JSON.parse (the floor)': async () => {
    const response = await fakeFetch('http://127.0.0.1:1/v1/chat/completions', {
      method: 'POST',
      body: JSON.stringify(requestBody),
      headers: {
        authorization: 'Bearer sk-bench-0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6',
        'content-type': 'application/json',
      },
    });
    return JSON.parse(await response.text());
  },
  'ky.post(…).json() alone': () =>
    kyClient
      .post('http://127.0.0.1:1/v1/chat/completions', {
        json: requestBody,
        headers: { authorization: 'Bearer sk-bench-0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6' },
      })
      .json(),
  'HttpTransport.postJson (ky + retries, timeouts, errors)': () => transport.postJson('/chat/completions', requestBody),
  'openai chat model.prompt (+ request and response mapping)': () => model.prompt('Explain quantum computing'),
};

const CALLS = 3000;
const samples = Object.fromEntries(Object.keys(layers).map((name) => [name, []]));
for (let round = 0; round < 18; round++) {
  for (const [name, call] of Object.entries(layers)) {
    const started = performance.now();
    for (let index = 0; index < CALLS; index++) await call();
    if (round >= 3) samples[name].push(((performance.now() - started) * 1000) / CALLS);
  }
}
console.log('Per-call client work with an in-memory fetch (no network):\n');
console.log('| layer | µs / call (median) | over the floor |');
console.log('|---|---:|---:|');
const floor = median(samples['fetch + JSON.parse (the floor)']);
for (const name of Object.keys(layers)) {
  const value = median(samples[name]);
  console.log(`| ${name} | ${value.toFixed(1)} | +${(value - floor).toFixed(1)} |`);
}

const IMPORTS = [
  ['bare node', ''],
  ['touch globalThis.fetch (loads undici)', 'globalThis.fetch;'],
  ['ky', "await import('ky');"],
  ['@rig-ts/core', "await import('@rig-ts/core');"],
  ['@rig-ts/streaming', "await import('@rig-ts/streaming');"],
  ['@rig-ts/http (ky inside)', "await import('@rig-ts/http');"],
  ['@rig-ts/openai', "await import('@rig-ts/openai');"],
];
const importSamples = Object.fromEntries(IMPORTS.map(([name]) => [name, []]));
for (let run = 0; run < 15; run++) {
  for (const [name, code] of IMPORTS) {
    const started = performance.now();
    await execute(process.execPath, ['--input-type=module', '-e', code], { cwd: new URL('..', import.meta.url) });
    importSamples[name].push(performance.now() - started);
  }
}
console.log('\nFresh process to the module imported (wall ms, medians of 15):\n');
console.log('| import | ms | over bare node |');
console.log('|---|---:|---:|');
const bare = median(importSamples['bare node']);
for (const [name] of IMPORTS) {
  const value = median(importSamples[name]);
  console.log(`| ${name} | ${value.toFixed(1)} | +${(value - bare).toFixed(1)} |`);
}
