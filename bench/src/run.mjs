// `pnpm bench`: starts the provider server in its own process, runs every client on every scenario in fresh
// processes, interleaved and rotated per round, checks each one received the full output, and prints the medians
// with ratios to the raw-fetch floor measured in the same run. Never fails on timing.
import { execFile, spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const here = (file) => fileURLToPath(new URL(file, import.meta.url));
const rounds = Number(process.argv.find((argument) => argument.startsWith('--rounds='))?.slice(9) ?? 7);
const count = Number(process.argv.find((argument) => argument.startsWith('--deltas='))?.slice(9) ?? 20000);

const clients = ['fetch-floor', 'eventsource-parser', 'rig-ts'];
const names = { 'fetch-floor': 'raw fetch (floor)', 'eventsource-parser': 'fetch + eventsource-parser', 'rig-ts': 'rig-ts' };

const server = spawn(process.execPath, [here('./server.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
const port = await new Promise((resolve) => server.stdout.once('data', (data) => resolve(String(data).trim())));
const baseURL = `http://127.0.0.1:${port}`;

const samples = Object.fromEntries(clients.map((client) => [client, []]));
try {
  for (let round = 0; round < rounds; round++) {
    const order = clients.map((_client, index) => clients[(index + round) % clients.length]);
    for (const client of order) {
      const { stdout } = await run(process.execPath, [here('./sample.mjs'), client, 'streamText', baseURL, String(count)]);
      const sample = JSON.parse(stdout);
      if (!sample.ok) throw new Error(`${client} did not receive the full ${count}-delta text in round ${round + 1}`);
      samples[client].push(sample);
    }
  }
} finally {
  server.kill();
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const floor = samples['fetch-floor'];
const ratio = (client, metric) => median(samples[client].map((sample, index) => sample[metric] / floor[index][metric]));
const lines = [
  `stream-text: one stream of ${count.toLocaleString('en')} OpenAI-format text deltas over loopback, decoded and aggregated`,
  `(${rounds} rounds, fresh process per sample, medians; ratio = median of per-round ratios to the floor; Node ${process.version}, ${cpus().length} cores)`,
  '',
  '| client | wall ms | client CPU ms | CPU µs / delta | time to first delta ms | CPU vs floor |',
  '|---|---:|---:|---:|---:|---:|',
];
for (const client of clients) {
  const cpu = median(samples[client].map((sample) => sample.cpuMs));
  lines.push(
    `| ${names[client]} | ${median(samples[client].map((sample) => sample.wallMs)).toFixed(1)} | ${cpu.toFixed(1)} | ${((cpu * 1000) / count).toFixed(2)} | ${median(samples[client].map((sample) => sample.firstDeltaMs)).toFixed(2)} | ${ratio(client, 'cpuMs').toFixed(2)}× |`,
  );
}
console.log(lines.join('\n'));
