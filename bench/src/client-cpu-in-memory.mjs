// `pnpm --filter @rig-ts/bench bench:in-memory`: the client CPU of one prompt call with the network taken out. Every
// client is given the same `fetch`, which builds the recorded Chat Completions answer in memory and sends nothing, so
// what is left is each client's own work per call: building the request (ky's `Request`s, the openai SDK's options),
// retries and time limits set up, the answer read and mapped. The floor is what any client must do with that answer
// (read the `Response`, parse its JSON); "ky, bare POST" is the least a call through ky costs: no body, no hooks, no
// retry, no time limit. Blocks of calls of each client alternate, medians of the blocks; every answer is checked.
// Runs under whichever `node` runs it (Node 22: the runtime smoke's binary). Never fails on timing.
// Flags: --rounds=N (default 15).
import * as openai from '@rig-ts/openai';
import { HttpTransport } from '@rig-ts/http';
import ky from 'ky';
import OpenAI from 'openai';
import { openAIChatBody, PROMPT_ANSWER } from './payloads.mjs';

const flag = (name) => process.argv.find((argument) => argument.startsWith(`--${name}=`))?.slice(name.length + 3);
const ROUNDS = Number(flag('rounds') ?? 15);
const CALLS = 2_000;

const API_KEY = 'sk-bench-0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6';
const BASE_URL = 'http://127.0.0.1:9/v1';
const URL_ = `${BASE_URL}/chat/completions`;
const REQUEST = { model: 'bench-prompt-0', messages: [{ role: 'user', content: 'Explain quantum computing' }] };
const answerOf = (body) => body.choices[0].message.content;

const answer = () =>
  new Response(openAIChatBody, { headers: { 'content-type': 'application/json', 'x-request-id': 'req_bench' } });
const inMemoryFetch = async () => answer();

const kyBare = ky.create({ fetch: inMemoryFetch, retry: 0, timeout: false, throwHttpErrors: false });
const kyDefaults = ky.create({ fetch: inMemoryFetch });
const transport = new HttpTransport({ provider: 'openai', baseURL: BASE_URL, apiKey: API_KEY, fetch: inMemoryFetch });
const rigModel = openai.chatCompletionsModel(
  new openai.Client({ apiKey: API_KEY, baseURL: BASE_URL, fetch: inMemoryFetch }),
  'bench-prompt-0',
);
const sdk = new OpenAI({ apiKey: API_KEY, baseURL: BASE_URL, fetch: inMemoryFetch });

const CLIENTS = [
  ['floor: read and parse the answer', async () => answerOf(JSON.parse(await answer().text()))],
  [
    'one `Request` with a signal, then the floor',
    async () => {
      new Request(URL_, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        signal: new AbortController().signal,
      });
      return answerOf(JSON.parse(await answer().text()));
    },
  ],
  [
    'ky, bare POST (no body, hooks, retry, time limit)',
    async () => answerOf(JSON.parse(await (await kyBare.post(URL_)).text())),
  ],
  [
    'ky alone (`ky.post(url, { json }).json()`, defaults)',
    async () =>
      answerOf(await kyDefaults.post(URL_, { json: REQUEST, headers: { authorization: `Bearer ${API_KEY}` } }).json()),
  ],
  [
    'rig-ts transport (`HttpTransport.postJson`)',
    async () => answerOf((await transport.postJson('/chat/completions', REQUEST)).body),
  ],
  ['rig-ts prompt (Chat Completions model)', () => rigModel.prompt('Explain quantum computing')],
  ['openai SDK prompt', async () => answerOf(await sdk.chat.completions.create(REQUEST))],
];

const cpu = () => {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
};
const block = async (run, calls) => {
  const started = cpu();
  for (let index = 0; index < calls; index++) if ((await run()) !== PROMPT_ANSWER) throw new Error('wrong answer');
  return (cpu() - started) / calls;
};

for (const [, run] of CLIENTS) await block(run, 500);
const samples = CLIENTS.map(() => []);
for (let round = 0; round < ROUNDS; round++)
  for (let offset = 0; offset < CLIENTS.length; offset++) {
    const index = (offset + round) % CLIENTS.length;
    samples[index].push(await block(CLIENTS[index][1], CALLS));
  }
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const floor = median(samples[0]);
console.log(
  `Client CPU µs per prompt call, in memory, Node ${process.versions.node}, ${ROUNDS} rounds of ${CALLS} calls:\n`,
);
console.log('| client | µs / call | over the floor |');
console.log('|---|---:|---:|');
CLIENTS.forEach(([name], index) => {
  const value = median(samples[index]);
  console.log(`| ${name} | ${value.toFixed(1)} | ${index === 0 ? '—' : `+${(value - floor).toFixed(1)}`} |`);
});
