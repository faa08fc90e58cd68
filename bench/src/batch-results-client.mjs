// One sample of the batch benchmark, in a fresh process: `node batch-results-client.mjs <mode> <baseURL> <count>`.
// `stream`: @rig-ts/openai/batch's getBatch, then every result of `job.results()` as it downloads; `whole`: what reading
// the file at once costs — fetch the content, split it into lines, parse each. Prints one JSON line: the results read,
// the ms they took, the process's peak RSS and its RSS before reading (MB), and the RSS at each tenth of the results.
const [mode, baseURL, countText] = process.argv.slice(2);
const count = Number(countText);
const MB = 1024 * 1024;

const { Client } = await import('@rig-ts/openai');
const { getBatch } = await import('@rig-ts/openai/batch');
globalThis.gc?.();
const rssBefore = process.memoryUsage().rss / MB;
const checkpoints = [];
let seen = 0;
let succeeded = 0;
let text = 0;
const started = performance.now();
if (mode === 'stream') {
  const job = await getBatch(new Client({ apiKey: 'bench', baseURL: `${baseURL}/v1` }), 'batch_bench');
  for await (const result of job.results()) {
    seen++;
    if (result.ok) {
      succeeded++;
      text += result.response.choice[0].text.length;
    }
    if (seen % (count / 10) === 0) checkpoints.push(Math.round(process.memoryUsage().rss / MB));
  }
} else {
  const body = await (await fetch(`${baseURL}/v1/files/file-bench-output/content`)).text();
  for (const line of body.split('\n')) {
    if (line === '') continue;
    const value = JSON.parse(line);
    seen++;
    if (value.response.status_code === 200) {
      succeeded++;
      text += value.response.body.choices[0].message.content.length;
    }
    if (seen % (count / 10) === 0) checkpoints.push(Math.round(process.memoryUsage().rss / MB));
  }
}
const ms = performance.now() - started;
if (seen !== count || succeeded !== count || text === 0)
  throw new Error(`read ${seen} results (${succeeded} succeeded) of ${count}`);
process.stdout.write(
  `${JSON.stringify({ mode, count, ms, peakRssMB: process.resourceUsage().maxRSS / 1024, rssBeforeMB: rssBefore, checkpoints })}\n`,
);
