// `pnpm bench` (in this package, after `pnpm build`), second part: the per-delta cost of a StreamingCompletionResponse
// over an in-memory body of 20,000 Chat-Completions-style text deltas in 16 KiB chunks, read three ways (items,
// `textStream`, `final` alone), against the floor (the same body through SseDecoder + JSON.parse + the adapter, with
// no stream object). Scenarios run in a shuffled order each round; prints µs per delta (medians) and the median
// per-round ratio to the floor. Never fails on timing. `ROUNDS=45 pnpm bench` for steadier figures.
import { SseDecoder, StreamAccumulator, createStreamingResponse } from '../dist/index.js';

const DELTAS = 20_000;
const ROUNDS = Number(process.env.ROUNDS ?? 15);
const head =
  '{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1770933892,"model":"gpt-4.1-nano","choices":[{"index":0,"delta":{"content":';
let wire = '';
for (let index = 0; index < DELTAS; index++)
  wire += `data: ${head}${JSON.stringify(`word ${index} `)}},"finish_reason":null}]}\n\n`;
wire += `data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":${DELTAS}}}\n\ndata: [DONE]\n\n`;
const bytes = new TextEncoder().encode(wire);
const chunks = [];
for (let offset = 0; offset < bytes.length; offset += 16_384) chunks.push(bytes.subarray(offset, offset + 16_384));

const adapter = {
  onFrame(data, _event, accumulator) {
    for (const choice of data.choices) {
      const content = choice.delta.content;
      if (content) accumulator.text(content);
      if (choice.finish_reason) accumulator.finishReason = 'stop';
    }
    if (data.usage) {
      const { prompt_tokens: promptTokens, completion_tokens: completionTokens } = data.usage;
      accumulator.usage = { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens };
    }
  },
  onDone(accumulator) {
    accumulator.end();
  },
};

function transport() {
  let index = 0;
  const body = new ReadableStream({
    pull(controller) {
      if (index < chunks.length) controller.enqueue(chunks[index++]);
      else controller.close();
    },
  });
  return { body, abort() {}, mapError: (error) => error, settle() {} };
}

function check(count) {
  if (count !== DELTAS) throw new Error(`expected ${DELTAS} deltas, got ${count}`);
}

const scenarios = {
  async floor() {
    const reader = transport().body.getReader();
    const accumulator = new StreamAccumulator();
    const textDecoder = new TextDecoder();
    let count = 0;
    const decoder = new SseDecoder((data) => {
      if (data === '[DONE]') adapter.onDone(accumulator);
      else adapter.onFrame(JSON.parse(data), 'message', accumulator);
    });
    for (;;) {
      const result = await reader.read();
      if (result.done) break;
      decoder.push(textDecoder.decode(result.value, { stream: true }));
      count += accumulator.items.length;
      accumulator.items.length = 0;
    }
    decoder.end();
    accumulator.finish();
    check(count);
  },
  async items() {
    let count = 0;
    for await (const item of createStreamingResponse(transport(), 'sse', adapter)) if (item.type === 'text') count++;
    check(count);
  },
  async textStream() {
    let count = 0;
    for await (const _text of createStreamingResponse(transport(), 'sse', adapter).textStream) count++;
    check(count);
  },
  async 'final alone'() {
    const response = await createStreamingResponse(transport(), 'sse', adapter).final;
    check(response.usage.completionTokens);
  },
};

const names = Object.keys(scenarios);
const samples = Object.fromEntries(names.map((name) => [name, []]));
for (let round = 0; round < ROUNDS + 3; round++) {
  const order = [...names].sort(() => Math.random() - 0.5);
  for (const name of order) {
    const started = performance.now();
    await scenarios[name]();
    if (round >= 3) samples[name].push(((performance.now() - started) * 1000) / DELTAS);
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
console.log(`\nStreamingCompletionResponse over ${DELTAS} text deltas (${ROUNDS} rounds, ${process.version}):\n`);
console.log('| read as | µs / delta (median) | vs floor (median per-round ratio) |');
console.log('|---|---:|---:|');
for (const name of names) {
  const ratios = samples[name].map((value, index) => value / samples.floor[index]);
  console.log(`| ${name} | ${median(samples[name]).toFixed(3)} | ${median(ratios).toFixed(2)}× |`);
}
