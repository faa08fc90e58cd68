// `pnpm --filter @rig-ts/otel bench`: what tracing costs a model call and a streamed chunk, with no OpenTelemetry SDK
// registered (the no-op path: what a library user who never installs an SDK pays) and with one (spans and metrics
// recorded). One process, an in-memory fetch (prebuilt Chat Completions answers; no network), so only client work is
// timed: the OpenAI chat model of rig-ts, alone and through traced(). The variants run interleaved, in rotated order
// each round; figures are medians over the rounds. Never fails on timing.
import { cpus } from 'node:os';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import { BaseCompletionModel } from '@rig-ts/core';
import * as openai from '@rig-ts/openai';
import { traced } from '../dist/index.js';

// Small batches, many rounds, each round running every variant in rotated order: the machine's load changes slowly
// compared with a batch, so it weighs on every variant alike. Times are the process's CPU time (user + system), which
// other processes' load disturbs less than wall time.
const BATCH_CALLS = Number(process.env.BATCH_CALLS ?? 100);
const DELTAS = Number(process.env.DELTAS ?? 1000);
const ROUNDS = Number(process.env.ROUNDS ?? 150);
const WARMUP_ROUNDS = 10;

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

const ANSWER = 'Quantum computers use qubits.';
const chatBody = JSON.stringify({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1,
  model: 'gpt-4o-2024-08-06',
  choices: [{ index: 0, message: { role: 'assistant', content: ANSWER }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 9, completion_tokens: 6, total_tokens: 15 },
});

const encoder = new TextEncoder();
const chunk = (delta, extra = {}) =>
  `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'gpt-4o-2024-08-06', choices: [{ index: 0, delta, finish_reason: null }], ...extra })}\n\n`;
const events = [chunk({ role: 'assistant', content: '' })];
for (let index = 0; index < DELTAS; index++) events.push(chunk({ content: `w${index % 10} ` }));
events.push(
  `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'gpt-4o-2024-08-06', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`,
);
events.push(
  `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'gpt-4o-2024-08-06', choices: [], usage: { prompt_tokens: 9, completion_tokens: DELTAS, total_tokens: DELTAS + 9 } })}\n\n`,
  'data: [DONE]\n\n',
);
const eventBytes = events.map((event) => encoder.encode(event));

const fakeFetch = async (_url, init) => {
  if (!String(init?.body ?? '').includes('"stream":true'))
    return new Response(chatBody, { status: 200, headers: { 'content-type': 'application/json' } });
  return new Response(
    new ReadableStream({
      start(controller) {
        for (const bytes of eventBytes) controller.enqueue(bytes);
        controller.close();
      },
    }),
    { status: 200, headers: { 'content-type': 'text/event-stream' } },
  );
};

class DroppingExporter {
  export(_spans, done) {
    done({ code: 0 });
  }
  shutdown() {
    return Promise.resolve();
  }
  forceFlush() {
    return Promise.resolve();
  }
}
class Reader extends MetricReader {
  onShutdown() {
    return Promise.resolve();
  }
  onForceFlush() {
    return Promise.resolve();
  }
}
const tracerProvider = new BasicTracerProvider({
  spanProcessors: [
    new BatchSpanProcessor(new DroppingExporter(), {
      maxQueueSize: 65_536,
      maxExportBatchSize: 4096,
      scheduledDelayMillis: 200,
    }),
  ],
});
const reader = new Reader();
const meterProvider = new MeterProvider({ readers: [reader] });

const client = new openai.Client({ apiKey: 'sk-bench', baseURL: 'https://api.openai.com/v1', fetch: fakeFetch });
const bare = openai.chatCompletionsModel(client, 'gpt-4o');
const sdk = { tracerProvider, meterProvider, serverURL: client.transport.settings.baseURL };
const variants = {
  'untraced model': bare,
  'traced(), no SDK registered': traced(bare),
  'traced(), SDK: spans + metrics': traced(bare, sdk),
  'traced(), SDK, captureContent': traced(bare, { ...sdk, captureContent: true }),
};

const cpuMicros = () => {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
};

/** CPU µs per prompt() call over one batch. */
async function callBatch(model) {
  const started = cpuMicros();
  for (let index = 0; index < BATCH_CALLS; index++) {
    const text = await model.prompt('Explain quantum computing');
    if (text !== ANSWER) throw new Error(`unexpected answer ${text}`);
  }
  return (cpuMicros() - started) / BATCH_CALLS;
}

/** CPU µs per text chunk of one stream of DELTAS chunks, opening the stream included. */
async function streamBatch(model) {
  let chunks = 0;
  const started = cpuMicros();
  const stream = await model.streamPrompt('Tell me a story');
  for await (const item of stream) if (item.type === 'text') chunks++;
  const elapsed = cpuMicros() - started;
  if (chunks !== DELTAS) throw new Error(`expected ${DELTAS} text chunks, got ${chunks}`);
  return elapsed / chunks;
}

const names = Object.keys(variants);
const callSamples = Object.fromEntries(names.map((name) => [name, []]));
const chunkSamples = Object.fromEntries(names.map((name) => [name, []]));
for (let round = 0; round < ROUNDS + WARMUP_ROUNDS; round++) {
  const order = names.map((_, index) => names[(index + round) % names.length]);
  for (const name of order) {
    const perCall = await callBatch(variants[name]);
    const perChunk = await streamBatch(variants[name]);
    if (round >= WARMUP_ROUNDS) {
      callSamples[name].push(perCall);
      chunkSamples[name].push(perChunk);
    }
  }
  if (round % 10 === 0) await reader.collect();
}

// The same comparison on a model that answers at once (a resolved promise): what traced() itself adds to a call,
// without the ~100–200 µs of a real call around it.
const instantResponse = {
  choice: [{ type: 'text', text: ANSWER }],
  usage: { promptTokens: 9, completionTokens: 6, totalTokens: 15 },
  finishReason: 'stop',
  id: 'r1',
  model: 'instant-1',
  rawResponse: {},
};
class InstantModel extends BaseCompletionModel {
  provider = 'openai';
  completion() {
    return Promise.resolve(instantResponse);
  }
  stream() {
    throw new Error('not used');
  }
}
const instant = new InstantModel('instant');
const instantVariants = {
  'untraced model': instant,
  'traced(), no SDK registered': traced(instant),
  'traced(), SDK: spans + metrics': traced(instant, sdk),
};
const instantRequest = instant.completionRequest('Explain quantum computing').build();
const INSTANT_CALLS = 2000;
const instantSamples = Object.fromEntries(Object.keys(instantVariants).map((name) => [name, []]));
for (let round = 0; round < ROUNDS + WARMUP_ROUNDS; round++) {
  const instantNames = Object.keys(instantVariants);
  for (const name of instantNames.map((_, index) => instantNames[(index + round) % instantNames.length])) {
    const model = instantVariants[name];
    const started = cpuMicros();
    for (let index = 0; index < INSTANT_CALLS; index++) await model.completion(instantRequest);
    if (round >= WARMUP_ROUNDS) instantSamples[name].push((cpuMicros() - started) / INSTANT_CALLS);
  }
  if (round % 10 === 0) await reader.collect();
}

const baseCall = median(callSamples['untraced model']);
const baseChunk = median(chunkSamples['untraced model']);
const signed = (value, digits) => `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(digits)}`;
console.log(
  `@rig-ts/otel overhead — Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}; client CPU time, medians of ${ROUNDS} interleaved rounds, each a batch of ${BATCH_CALLS} prompt() calls and one stream of ${DELTAS} text chunks per variant; in-memory fetch.\n`,
);
console.log('| variant | CPU µs / prompt() call | over untraced | CPU µs / streamed chunk | over untraced |');
console.log('|---|---:|---:|---:|---:|');
for (const name of names) {
  const perCall = median(callSamples[name]);
  const perChunk = median(chunkSamples[name]);
  console.log(
    `| ${name} | ${perCall.toFixed(1)} | ${signed(perCall - baseCall, 1)} | ${perChunk.toFixed(3)} | ${signed(perChunk - baseChunk, 3)} |`,
  );
}

const baseInstant = median(instantSamples['untraced model']);
console.log(
  `\nA model that answers at once (a resolved promise), medians of ${ROUNDS} rounds of ${INSTANT_CALLS} completion() calls:\n`,
);
console.log('| variant | CPU µs / call | over untraced |');
console.log('|---|---:|---:|');
for (const name of Object.keys(instantVariants)) {
  const perCall = median(instantSamples[name]);
  console.log(`| ${name} | ${perCall.toFixed(2)} | ${signed(perCall - baseInstant, 2)} |`);
}
await tracerProvider.shutdown();
