// `pnpm bench` (in this package): decodes the same 20,000 OpenAI-format SSE events with rig-ts's SseDecoder, with the
// eventsource-parser package alone, with eventsource-parser plus what it lacks for the same WHATWG rules (the fair
// alternative), and with the floor (split on blank lines), in one process, in a shuffled order each round; prints µs
// per event (medians) and the median per-round ratio to the floor. Decoding only (no network, no JSON.parse).
// `ROUNDS=105 pnpm bench` for the figures quoted in the README.
import { createParser } from 'eventsource-parser';
import { SseDecoder } from '../dist/index.js';
import { EventsourceParserWhatwg } from './eventsource-parser-whatwg.mjs';

const EVENTS = 20_000;
const head =
  '{"id":"chatcmpl-D8Z5oo6uDh67AD85p73ksdT1KxhE0","object":"chat.completion.chunk","created":1770933892,"model":"gpt-4.1-nano-2025-04-14","choices":[{"index":0,"delta":{"content":';
let wire = '';
for (let index = 0; index < EVENTS; index++)
  wire += `data: ${head}${JSON.stringify(`word ${index} `)}},"finish_reason":null}]}\n\n`;
const chunks = [];
for (let offset = 0; offset < wire.length; offset += 16_384) chunks.push(wire.slice(offset, offset + 16_384));

const decoders = {
  floor() {
    let count = 0;
    let buffer = '';
    for (const chunk of chunks) {
      buffer += chunk;
      let start = 0;
      let boundary = buffer.indexOf('\n\n');
      while (boundary !== -1) {
        if (buffer.slice(start + 6, boundary).length > 0) count++;
        start = boundary + 2;
        boundary = buffer.indexOf('\n\n', start);
      }
      buffer = buffer.slice(start);
    }
    return count;
  },
  'rig-ts SseDecoder'() {
    let count = 0;
    const decoder = new SseDecoder((data) => {
      if (data.length > 0) count++;
    });
    for (const chunk of chunks) decoder.push(chunk);
    decoder.end();
    return count;
  },
  'eventsource-parser + WHATWG additions'() {
    let count = 0;
    const decoder = new EventsourceParserWhatwg((data) => {
      if (data.length > 0) count++;
    });
    for (const chunk of chunks) decoder.push(chunk);
    decoder.end();
    return count;
  },
  'eventsource-parser'() {
    let count = 0;
    const parser = createParser({
      onEvent(event) {
        if (event.data.length > 0) count++;
      },
    });
    for (const chunk of chunks) parser.feed(chunk);
    return count;
  },
};

const samples = Object.fromEntries(Object.keys(decoders).map((name) => [name, []]));
const ROUNDS = Number(process.env.ROUNDS ?? 45);
// The order of the decoders changes every round (a fixed shuffle), so no decoder always runs right after another.
let seed = 7;
const nextRandom = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
for (let round = 0; round < ROUNDS; round++) {
  const order = Object.entries(decoders).sort(() => nextRandom() - 0.5);
  for (const [name, decode] of order) {
    const started = performance.now();
    const count = decode();
    const elapsed = performance.now() - started;
    if (count !== EVENTS) throw new Error(`${name} decoded ${count} events, not ${EVENTS}`);
    if (round >= 5) samples[name].push((elapsed * 1000) / EVENTS);
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
console.log(
  `SSE decoding: ${EVENTS.toLocaleString('en')} OpenAI-format events in 16 KiB chunks (${ROUNDS - 5} timed rounds, medians)\n`,
);
console.log('| decoder | µs / event (median) | µs / event (fastest round) | vs floor (median of per-round ratios) |');
console.log('|---|---:|---:|---:|');
for (const name of Object.keys(decoders)) {
  const ratio = median(samples[name].map((value, index) => value / samples.floor[index]));
  console.log(
    `| ${name} | ${median(samples[name]).toFixed(3)} | ${Math.min(...samples[name]).toFixed(3)} | ${ratio.toFixed(2)}× |`,
  );
}
const ours = samples['rig-ts SseDecoder'];
for (const name of ['eventsource-parser + WHATWG additions', 'eventsource-parser']) {
  const theirs = samples[name];
  const faster = ours.filter((value, index) => value < theirs[index]).length;
  const ratio = median(ours.map((value, index) => value / theirs[index]));
  console.log(
    `\nrig-ts's decoder vs ${name}: faster in ${faster} of ${ours.length} rounds, median per-round ratio ${ratio.toFixed(3)}.`,
  );
}
