// `pnpm --filter @rig-ts/bench bench:batch`: the batch results benchmark. Writes an OpenAI batch output file of
// 100,000 results (short classification answers, about 60 MB) to a temporary folder, serves it from a local file
// server in its own process, and reads it in fresh processes: with @rig-ts/openai/batch (results streamed as they
// download and parsed by the Chat Completions parser), for 10,000 and for 100,000 results, and, for comparison, by
// loading the whole file and parsing its lines. Prints the median of `--rounds=N` (default 3) samples of time and
// peak RSS. Never fails on timing.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chatCompletionBody } from './payloads.mjs';

const execute = promisify(execFile);
const here = (file) => fileURLToPath(new URL(file, import.meta.url));
const rounds = Number(process.argv.find((argument) => argument.startsWith('--rounds='))?.slice(9) ?? 3);
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

function chatCompletion(index) {
  return chatCompletionBody({
    id: `chatcmpl-bench${index}`,
    created: 1711493000,
    model: 'gpt-4o-mini-2024-07-18',
    content: index % 3 === 0 ? 'negative' : 'positive',
    promptTokens: 31,
    completionTokens: 1,
    systemFingerprint: 'fp_bench',
  });
}

function writeOutputFile(folder, count) {
  const path = join(folder, `output-${count}.jsonl`);
  const lines = [];
  for (let index = 0; index < count; index++) {
    lines.push(
      JSON.stringify({
        id: `batch_req_${index}`,
        custom_id: `r${index}`,
        response: { status_code: 200, request_id: `req_${index}`, body: chatCompletion(index) },
        error: null,
      }),
    );
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

async function serve(path, count) {
  const server = spawn(process.execPath, [here('./batch-file-server.mjs'), path, String(count)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve) => server.stdout.once('data', (data) => resolve(String(data).trim())));
  return { url, close: () => server.kill() };
}

const folder = mkdtempSync(join(tmpdir(), 'rig-ts-batch-bench-'));
const rows = [];
try {
  for (const [mode, count, label] of [
    ['stream', 10_000, 'rig-ts `job.results()`, 10,000 results'],
    ['stream', 100_000, 'rig-ts `job.results()`, 100,000 results'],
    ['whole', 100_000, 'the whole file read, split and parsed, 100,000 results'],
  ]) {
    const path = writeOutputFile(folder, count);
    const server = await serve(path, count);
    const samples = [];
    try {
      for (let round = 0; round < rounds; round++) {
        const { stdout } = await execute(
          process.execPath,
          ['--expose-gc', here('./batch-results-client.mjs'), mode, server.url, String(count)],
          { maxBuffer: 1024 * 1024 },
        );
        samples.push(JSON.parse(stdout));
      }
    } finally {
      server.close();
    }
    const sizeMB = (await import('node:fs')).statSync(path).size / 1024 / 1024;
    rows.push({
      label,
      sizeMB,
      ms: median(samples.map((sample) => sample.ms)),
      peak: median(samples.map((sample) => sample.peakRssMB)),
      before: median(samples.map((sample) => sample.rssBeforeMB)),
      checkpoints: samples[samples.length >> 1].checkpoints,
      count,
    });
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}

const format = (value, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
console.log(
  `Batch results, streamed from a local file server (medians of ${rounds} fresh processes; Node ${process.version})\n`,
);
console.log(
  '| reading | file | time | results/s | RSS before reading | peak RSS | RSS at each tenth of the results (MB) |',
);
console.log('|---|---:|---:|---:|---:|---:|---|');
for (const row of rows) {
  console.log(
    `| ${row.label} | ${format(row.sizeMB, 1)} MB | ${format(row.ms / 1000, 2)} s | ${format(row.count / (row.ms / 1000))} | ${format(row.before, 1)} MB | ${format(row.peak, 1)} MB | ${row.checkpoints.join(', ')} |`,
  );
}
