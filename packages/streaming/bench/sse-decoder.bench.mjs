// `pnpm bench` (in this package): decodes the same 20,000 OpenAI-format SSE events with rig-ts's SseDecoder, with the
// eventsource-parser package, and with the floor (split on blank lines), in the same process, interleaved; prints
// µs per event (medians of 40 rounds) and the median per-round ratio to the floor. Decoding only (no network, no JSON.parse).
import { createParser } from 'eventsource-parser';
import { SseDecoder } from '../dist/index.js';

const EVENTS = 20_000;
const head = '{"id":"chatcmpl-D8Z5oo6uDh67AD85p73ksdT1KxhE0","object":"chat.completion.chunk","created":1770933892,"model":"gpt-4.1-nano-2025-04-14","choices":[{"index":0,"delta":{"content":';
let wire = '';
for (let index = 0; index < EVENTS; index++) wire += `data: ${head}${JSON.stringify(`word ${index} `)}},"finish_reason":null}]}\n\n`;
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
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, decode] of Object.entries(decoders)) {
    const started = performance.now();
    const count = decode();
    const elapsed = performance.now() - started;
    if (count !== EVENTS) throw new Error(`${name} decoded ${count} events, not ${EVENTS}`);
    if (round >= 5) samples[name].push((elapsed * 1000) / EVENTS);
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
console.log(`SSE decoding: ${EVENTS.toLocaleString('en')} OpenAI-format events in 16 KiB chunks (${ROUNDS - 5} timed rounds, medians)\n`);
console.log('| decoder | µs / event (median) | µs / event (fastest round) | vs floor (median of per-round ratios) |');
console.log('|---|---:|---:|---:|');
for (const name of Object.keys(decoders)) {
  const ratio = median(samples[name].map((value, index) => value / samples.floor[index]));
  console.log(`| ${name} | ${median(samples[name]).toFixed(3)} | ${Math.min(...samples[name]).toFixed(3)} | ${ratio.toFixed(2)}× |`);
}
const ours = samples['rig-ts SseDecoder'];
const theirs = samples['eventsource-parser'];
const faster = ours.filter((value, index) => value < theirs[index]).length;
console.log(`\nrig-ts's decoder was faster than eventsource-parser in ${faster} of ${ours.length} rounds (median per-round ratio ${median(ours.map((value, index) => value / theirs[index])).toFixed(3)}).`);
