// `pnpm bench`: starts the loopback provider server in its own process, runs every client on every scenario in
// fresh processes — interleaved, rotated each round — checks each received the full output, and prints one markdown
// table of medians with ratios to raw fetch (the floor) measured in the same run. `--write` also writes
// BENCHMARKS.md. Never fails on timing. Flags: --rounds=N, --scenarios=a,b, --clients=a,b (raw fetch always runs:
// it is the floor), --write.
import { execFile, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, type as osType, release } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { SIZES } from './payloads.mjs';

const execute = promisify(execFile);
const here = (file) => fileURLToPath(new URL(file, import.meta.url));
const flag = (name) => process.argv.find((argument) => argument.startsWith(`--${name}=`))?.slice(name.length + 3);
const roundsOverride = flag('rounds') ? Number(flag('rounds')) : undefined;
const only = flag('scenarios')?.split(',');
const onlyClients = flag('clients')?.split(',');

const CLIENTS = {
  'fetch-floor': 'raw fetch',
  'ky-alone': 'ky alone',
  'rig-ts': 'rig-ts',
  'openai-sdk': 'openai SDK',
  'anthropic-sdk': '@anthropic-ai/sdk',
  'ai-sdk': 'AI SDK',
  langchain: 'LangChain',
};
const OPENAI_FORMAT = ['fetch-floor', 'ky-alone', 'rig-ts', 'openai-sdk', 'ai-sdk', 'langchain'];
const SCENARIOS = [
  { id: 'prompt-seq', rounds: 5, clients: OPENAI_FORMAT },
  { id: 'prompt-conc', rounds: 4, clients: OPENAI_FORMAT },
  { id: 'stream-text', rounds: 7, clients: OPENAI_FORMAT },
  { id: 'stream-tool', rounds: 7, clients: OPENAI_FORMAT },
  { id: 'stream-anthropic', rounds: 7, clients: ['fetch-floor', 'ky-alone', 'rig-ts', 'anthropic-sdk', 'ai-sdk'] },
  { id: 'mem-streams', rounds: 3, clients: OPENAI_FORMAT },
  { id: 'cold-import', rounds: 11, clients: OPENAI_FORMAT },
]
  .filter((scenario) => !only || only.includes(scenario.id))
  .map((scenario) => ({
    ...scenario,
    clients: scenario.clients.filter(
      (client) => !onlyClients || client === 'fetch-floor' || onlyClients.includes(client),
    ),
  }));

const median = (values) => {
  const sorted = values.filter((value) => value !== undefined && Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function timeProcess(args) {
  const started = process.hrtime.bigint();
  await execute(process.execPath, args);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const server = spawn(process.execPath, [here('./server.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
const port = await new Promise((resolve) => server.stdout.once('data', (data) => resolve(String(data).trim())));
const baseURL = `http://127.0.0.1:${port}`;
const started = new Date();
const results = {};
try {
  for (const scenario of SCENARIOS) {
    const rounds = roundsOverride ?? scenario.rounds;
    const samples = Object.fromEntries(scenario.clients.map((client) => [client, []]));
    if (scenario.id === 'cold-import') samples.bare = [];
    for (let round = 0; round < rounds; round++) {
      const order = scenario.clients.map(
        (_client, index) => scenario.clients[(index + round) % scenario.clients.length],
      );
      if (scenario.id === 'cold-import') {
        samples.bare.push({ readyMs: await timeProcess([here('./cold.mjs'), 'none', 'ready', baseURL]) });
        for (const client of order) {
          samples[client].push({
            readyMs: await timeProcess([here('./cold.mjs'), client, 'ready', baseURL]),
            firstMs: await timeProcess([here('./cold.mjs'), client, 'first', baseURL]),
          });
        }
        continue;
      }
      for (const client of order) {
        const { stdout } = await execute(
          process.execPath,
          ['--expose-gc', here('./sample.mjs'), client, scenario.id, baseURL],
          { maxBuffer: 1 << 20 },
        );
        samples[client].push(
          JSON.parse(
            stdout
              .split('\n')
              .find((line) => line.startsWith('@@result '))
              .slice(9),
          ),
        );
      }
      process.stderr.write(`${scenario.id}: round ${round + 1}/${rounds} done\n`);
    }
    results[scenario.id] = { rounds, samples };
  }
} finally {
  server.kill();
}

// Rows: [scenario · metric, metric(sample), 'cost' (higher is worse, ratio client/floor) | 'gain' (ratio floor/client), decimals, over-floor].
const METRICS = {
  'prompt-seq': [
    ['wall µs/call', (sample) => (sample.wallMs * 1000) / SIZES.promptSeq, 'cost', 0, true],
    ['client CPU µs/call', (sample) => (sample.cpuMs * 1000) / SIZES.promptSeq, 'cost', 0, true],
  ],
  'prompt-conc': [
    ['throughput req/s', (sample) => SIZES.promptConc / (sample.wallMs / 1000), 'gain', 0, false],
    ['client CPU µs/call', (sample) => (sample.cpuMs * 1000) / SIZES.promptConc, 'cost', 0, true],
  ],
  'stream-text': [
    ['wall ms', (sample) => sample.wallMs, 'cost', 1, false],
    ['client CPU ms', (sample) => sample.cpuMs, 'cost', 1, false],
    ['client CPU µs/delta', (sample) => (sample.cpuMs * 1000) / SIZES.deltas, 'cost', 2, false],
    ['time to first delta ms', (sample) => sample.firstMs, 'cost', 2, false],
  ],
  'stream-tool': [
    ['wall ms', (sample) => sample.wallMs, 'cost', 1, false],
    ['client CPU ms', (sample) => sample.cpuMs, 'cost', 1, false],
    ['time to first fragment ms', (sample) => sample.firstMs, 'cost', 2, false],
  ],
  'stream-anthropic': [
    ['wall ms', (sample) => sample.wallMs, 'cost', 1, false],
    ['client CPU ms', (sample) => sample.cpuMs, 'cost', 1, false],
    ['time to first delta ms', (sample) => sample.firstMs, 'cost', 2, false],
  ],
  'mem-streams': [
    ['peak RSS MB', (sample) => sample.peakRssMb, 'cost', 1, false],
    ['RSS growth MB', (sample) => sample.rssGrowthMb, 'cost', 1, false],
    ['peak heap used MB', (sample) => sample.peakHeapMb, 'cost', 1, false],
    ['wall ms', (sample) => sample.wallMs, 'cost', 0, false],
  ],
  'cold-import': [
    ['ms to client ready', (sample) => sample.readyMs, 'cost', 1, false],
    ['ms to first response', (sample) => sample.firstMs, 'cost', 1, false],
  ],
};

const columns = Object.keys(CLIENTS).filter((client) =>
  SCENARIOS.some((scenario) => scenario.clients.includes(client)),
);
const lines = [
  `| scenario · metric | ${columns.map((client) => CLIENTS[client]).join(' | ')} |`,
  `|---|${columns.map(() => '---:').join('|')}|`,
];
const format = (value, decimals) =>
  value === undefined
    ? 'n/a'
    : value.toLocaleString('en', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
for (const scenario of SCENARIOS) {
  const { samples } = results[scenario.id];
  const floor = samples['fetch-floor'];
  for (const [metric, read, direction, decimals, showOverFloor] of METRICS[scenario.id]) {
    const cells = columns.map((client) => {
      if (!samples[client]) return 'n/a';
      const value = median(samples[client].map(read));
      if (client === 'fetch-floor') return format(value, decimals);
      const ratio = median(
        samples[client].map((sample, index) =>
          direction === 'cost' ? read(sample) / read(floor[index]) : read(floor[index]) / read(sample),
        ),
      );
      return `${format(value, decimals)} (${ratio.toFixed(2)}×)`;
    });
    lines.push(`| ${scenario.id} · ${metric} | ${cells.join(' | ')} |`);
    if (showOverFloor) {
      const floorValue = median(floor.map(read));
      lines.push(
        `| ${scenario.id} · ${metric.replace('/call', '')} over raw fetch/call | ${columns.map((client) => (samples[client] ? `${client === 'fetch-floor' ? '+0' : `+${format(median(samples[client].map(read)) - floorValue, 0)}`}` : 'n/a')).join(' | ')} |`,
      );
    }
  }
  if (scenario.id === 'cold-import') {
    const bare = median(samples.bare.map((sample) => sample.readyMs));
    lines.push(
      `| cold-import · ms over bare node (${format(bare, 1)} ms) | ${columns.map((client) => (samples[client] ? `+${format(median(samples[client].map((sample) => sample.readyMs)) - bare, 1)}` : 'n/a')).join(' | ')} |`,
    );
  }
}
const table = lines.join('\n');
console.log(table);

if (process.argv.includes('--write')) {
  const require = createRequire(import.meta.url);
  // A package's version: walk up from its resolved entry to the package.json that names it.
  const version = (name) => {
    let directory = dirname(require.resolve(name));
    for (;;) {
      try {
        const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8'));
        if (manifest.name === name) return manifest.version;
      } catch {
        // no package.json here
      }
      const parent = dirname(directory);
      if (parent === directory) return 'unknown';
      directory = parent;
    }
  };
  const versions = [
    'openai',
    '@anthropic-ai/sdk',
    'ai',
    '@ai-sdk/openai',
    '@ai-sdk/anthropic',
    '@langchain/openai',
    '@langchain/core',
  ]
    .map((name) => `\`${name}@${version(name)}\``)
    .join(', ');
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ${osType()} ${release()}`;
  const document = readFileSync(here('../BENCHMARKS.template.md'), 'utf8')
    .replace('{{date}}', started.toISOString())
    .replace('{{machine}}', machine)
    .replace('{{node}}', process.version)
    .replace('{{versions}}', versions)
    .replace('{{rounds}}', SCENARIOS.map((scenario) => `${scenario.id} ${results[scenario.id].rounds}`).join(', '))
    .replace('{{table}}', table);
  writeFileSync(here('../../BENCHMARKS.md'), document);
  console.log('\nwrote BENCHMARKS.md');
}
