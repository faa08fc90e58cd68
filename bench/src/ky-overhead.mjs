// `pnpm --filter @rig-ts/bench bench:ky-overhead`: what rig-ts's client costs per prompt call on top of ky alone, when
// the machine is too loaded for separate processes to compare well. One process, the loopback server of `pnpm bench`
// in another; blocks of calls of each client alternate (raw fetch, ky alone, rig-ts, the openai SDK), and each block's
// client CPU per call (process.cpuUsage) is paired with the blocks beside it: the medians of the paired differences
// are robust to the load drifting during the run. Every answer is checked. Never fails on timing. Flags: --blocks=N.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PROMPT_ANSWER } from './payloads.mjs';

const flag = (name) => process.argv.find((argument) => argument.startsWith(`--${name}=`))?.slice(name.length + 3);
const BLOCKS = Number(flag('blocks') ?? 30);
const CALLS = 200;
const CLIENTS = ['fetch-floor', 'ky-alone', 'rig-ts', 'openai-sdk'];

const server = spawn(process.execPath, [fileURLToPath(new URL('./server.mjs', import.meta.url))], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const port = await new Promise((resolve) => server.stdout.once('data', (data) => resolve(String(data).trim())));
const baseURL = `http://127.0.0.1:${port}`;
try {
  const clients = {};
  for (const name of CLIENTS) {
    const client = await import(`./clients/${name}.mjs`);
    clients[name] = { client, context: await client.create(baseURL) };
  }
  const cpu = () => {
    const usage = process.cpuUsage();
    return usage.user + usage.system;
  };
  const block = async (name, calls) => {
    const { client, context } = clients[name];
    const started = cpu();
    for (let index = 0; index < calls; index++)
      if ((await client.prompt(context)) !== PROMPT_ANSWER) throw new Error(`${name}: wrong answer`);
    return (cpu() - started) / calls;
  };
  for (const name of CLIENTS) await block(name, 500);
  const samples = Object.fromEntries(CLIENTS.map((name) => [name, []]));
  for (let round = 0; round < BLOCKS; round++) {
    const order = CLIENTS.map((_name, index) => CLIENTS[(index + round) % CLIENTS.length]);
    for (const name of order) samples[name].push(await block(name, CALLS));
  }
  const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
  const paired = (a, b) => median(samples[a].map((value, index) => value - samples[b][index]));
  console.log(`Client CPU µs per prompt call, ${BLOCKS} rounds of ${CALLS} calls per client (medians):\n`);
  console.log('| client | µs / call | over raw fetch (paired) | over ky alone (paired) |');
  console.log('|---|---:|---:|---:|');
  for (const name of CLIENTS) {
    console.log(
      `| ${clients[name].client.name} | ${median(samples[name]).toFixed(0)} | ${name === 'fetch-floor' ? '—' : `+${paired(name, 'fetch-floor').toFixed(0)}`} | ${name === 'ky-alone' || name === 'fetch-floor' ? '—' : `${paired(name, 'ky-alone') >= 0 ? '+' : ''}${paired(name, 'ky-alone').toFixed(0)}`} |`,
    );
  }
} finally {
  server.kill();
}
