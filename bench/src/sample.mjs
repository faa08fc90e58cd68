// One timed sample in a fresh process: `node sample.mjs <client> <scenario> <baseURL>`; prints one JSON line.
// Every sample checks that the client received the full output, so no client is timed doing less work.
import { isDeepStrictEqual } from 'node:util';
import { expectedText, PROMPT_ANSWER, SIZES, toolArguments } from './payloads.mjs';

const [clientName, scenario, baseURL] = process.argv.slice(2);
const client = await import(`./clients/${clientName}.mjs`);
const context = await client.create(baseURL);

function check(ok, what) {
  if (!ok) throw new Error(`${clientName} ${scenario}: ${what}`);
}

async function timed(run) {
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  let firstMs;
  const value = await run(() => {
    firstMs ??= performance.now() - wallStart;
  });
  const wallMs = performance.now() - wallStart;
  const cpu = process.cpuUsage(cpuStart);
  return { value, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, firstMs };
}

async function prompts(total, concurrency) {
  let next = 0;
  let wrong = 0;
  const worker = async () => {
    while (next < total) {
      next++;
      if ((await client.prompt(context)) !== PROMPT_ANSWER) wrong++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return wrong;
}

let result;
switch (scenario) {
  case 'prompt-seq': {
    await prompts(1500, 1);
    const run = await timed(() => prompts(SIZES.promptSeq, 1));
    check(run.value === 0, `${run.value} wrong answers`);
    result = { wallMs: run.wallMs, cpuMs: run.cpuMs, calls: SIZES.promptSeq };
    break;
  }
  case 'prompt-conc': {
    await prompts(2000, SIZES.concurrency);
    const run = await timed(() => prompts(SIZES.promptConc, SIZES.concurrency));
    check(run.value === 0, `${run.value} wrong answers`);
    result = { wallMs: run.wallMs, cpuMs: run.cpuMs, calls: SIZES.promptConc };
    break;
  }
  case 'stream-text':
  case 'stream-anthropic': {
    const stream = scenario === 'stream-text' ? client.streamText : client.streamAnthropic;
    await stream(context, 200, () => undefined);
    await stream(context, 200, () => undefined);
    await stream(context, SIZES.deltas, () => undefined);
    const run = await timed((onFirst) => stream(context, SIZES.deltas, onFirst));
    check(run.value === expectedText(SIZES.deltas), 'incomplete text');
    result = { wallMs: run.wallMs, cpuMs: run.cpuMs, firstMs: run.firstMs };
    break;
  }
  case 'stream-tool': {
    await client.streamTool(context, 100, () => undefined);
    await client.streamTool(context, SIZES.fragments, () => undefined);
    const run = await timed((onFirst) => client.streamTool(context, SIZES.fragments, onFirst));
    check(isDeepStrictEqual(run.value, toolArguments(SIZES.fragments)), 'wrong tool arguments');
    result = { wallMs: run.wallMs, cpuMs: run.cpuMs, firstMs: run.firstMs };
    break;
  }
  case 'mem-streams': {
    await Promise.all(Array.from({ length: 20 }, () => client.streamText(context, SIZES.memDeltas, () => undefined)));
    globalThis.gc?.();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    const sampler = setInterval(() => {
      const usage = process.memoryUsage();
      peakRss = Math.max(peakRss, usage.rss);
      peakHeap = Math.max(peakHeap, usage.heapUsed);
    }, 5);
    const run = await timed(() =>
      Promise.all(
        Array.from({ length: SIZES.memStreams }, () => client.streamText(context, SIZES.memDeltas, () => undefined)),
      ),
    );
    clearInterval(sampler);
    const expected = expectedText(SIZES.memDeltas);
    check(
      run.value.every((text) => text === expected),
      'incomplete stream',
    );
    result = {
      wallMs: run.wallMs,
      peakRssMb: peakRss / 2 ** 20,
      rssGrowthMb: (peakRss - before.rss) / 2 ** 20,
      peakHeapMb: peakHeap / 2 ** 20,
    };
    break;
  }
  default:
    throw new Error(`unknown scenario ${scenario}`);
}
process.stdout.write(`\n@@result ${JSON.stringify(result)}\n`);
