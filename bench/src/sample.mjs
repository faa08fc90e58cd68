// One timed sample in a fresh process: `node sample.mjs <client> <scenario> <baseURL> <count>`; prints JSON.
import { expectedText } from './payloads.mjs';

const [clientName, scenario, baseURL, countText] = process.argv.slice(2);
const count = Number(countText);
const client = await import(`./clients/${clientName}.mjs`);
const run = client[scenario];

// Warm up (untimed): two short runs and one full-size run.
await run(baseURL, 200, () => undefined);
await run(baseURL, 200, () => undefined);
await run(baseURL, count, () => undefined);

const cpuStart = process.cpuUsage();
const wallStart = performance.now();
let firstDelta;
const text = await run(baseURL, count, () => {
  firstDelta ??= performance.now() - wallStart;
});
const wallMs = performance.now() - wallStart;
const cpu = process.cpuUsage(cpuStart);
const ok = text === expectedText(count);
process.stdout.write(JSON.stringify({ wallMs, cpuMs: (cpu.user + cpu.system) / 1000, firstDeltaMs: firstDelta, ok }));
