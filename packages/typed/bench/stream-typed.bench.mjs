// streamTyped cost against input size: 1k, 5k and 20k streamed chunks of a JSON answer (about 16 characters each).
// Linear parsing keeps the cost per chunk flat; re-parsing the whole prefix per chunk (shown for contrast, up to 5k
// chunks, one run) grows with the input. Prints a table; never fails on timing. Run: pnpm bench (builds first).
import { BaseCompletionModel } from '@rig-ts/core';
import { createStreamingResponse } from '@rig-ts/streaming/internal';
import { jsonSchema } from '../dist/ajv.js';
import { PartialJsonParser, streamTyped } from '../dist/index.js';

const CHUNK_SIZES = [1000, 5000, 20000];
const CHARS_PER_CHUNK = 16;
/** Runs per size: more for small inputs, so each size is measured over a similar amount of work. */
const runsFor = (count) => Math.max(5, Math.ceil(60000 / count));

const Items = jsonSchema(
  {
    type: 'object',
    properties: {
      items: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            id: { type: 'integer' },
            name: { type: 'string' },
            tags: { type: 'array', items: { type: 'string' } },
          },
          required: ['id', 'name'],
        },
      },
    },
    required: ['items'],
  },
  { name: 'Items' },
);

/** A JSON answer cut into `count` deltas. */
function deltasFor(count) {
  const items = [];
  let text = '';
  for (let id = 0; text.length < count * CHARS_PER_CHUNK; id++) {
    items.push({ id, name: `item number ${id}`, tags: ['alpha', 'beta'] });
    text = JSON.stringify({ items });
  }
  const deltas = [];
  for (let index = 0; index < count; index++)
    deltas.push(text.slice(Math.round((index * text.length) / count), Math.round(((index + 1) * text.length) / count)));
  return { text, deltas };
}

/** Pre-encoded NDJSON frames, one network chunk per delta, then the end frame. */
function framesFor(deltas) {
  const encoder = new TextEncoder();
  const frames = deltas.map((text) => encoder.encode(`${JSON.stringify({ text })}\n`));
  frames.push(encoder.encode(`${JSON.stringify({ end: true })}\n`));
  return frames;
}

const adapter = {
  onFrame(data, _event, accumulator) {
    if (data.end) {
      accumulator.usage = { promptTokens: 1, completionTokens: 1, totalTokens: 2 };
      accumulator.finishReason = 'stop';
      accumulator.end();
    } else accumulator.text(data.text);
  },
};

class MemoryModel extends BaseCompletionModel {
  provider = 'memory';
  frames = [];
  constructor() {
    super('memory-1');
  }
  async completion() {
    throw new Error('not used');
  }
  async stream() {
    const frames = this.frames;
    let index = 0;
    const body = new ReadableStream({
      pull(controller) {
        if (index < frames.length) controller.enqueue(frames[index++]);
        else controller.close();
      },
    });
    return createStreamingResponse({ body, abort() {}, mapError: (error) => error, settle() {} }, 'ndjson', adapter);
  }
}

async function timeStreamTyped(model) {
  const start = performance.now();
  const stream = await streamTyped(model, Items, 'list');
  let partials = 0;
  for await (const _partial of stream) partials++;
  const value = await stream.value;
  return { ms: performance.now() - start, partials, items: value.items.length };
}

async function timeStreamOnly(model) {
  const start = performance.now();
  const stream = await model.stream({});
  for await (const _text of stream.textStream) {
    // consume
  }
  return performance.now() - start;
}

function timeNaiveReparse(deltas) {
  const start = performance.now();
  let prefix = '';
  for (const delta of deltas) {
    prefix += delta;
    new PartialJsonParser().push(prefix);
  }
  return performance.now() - start;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const model = new MemoryModel();
// Warm the JIT up on a mid-sized run so that the first measured size is not paying for compilation.
model.frames = framesFor(deltasFor(5000).deltas);
for (let run = 0; run < 3; run++) {
  await timeStreamTyped(model);
  await timeStreamOnly(model);
}
timeNaiveReparse(deltasFor(200).deltas);

const rows = [];
for (const count of CHUNK_SIZES) {
  const { text, deltas } = deltasFor(count);
  model.frames = framesFor(deltas);
  await timeStreamTyped(model);
  const typed = [];
  const plain = [];
  let check;
  for (let run = 0; run < runsFor(count); run++) {
    check = await timeStreamTyped(model);
    typed.push(check.ms);
    plain.push(await timeStreamOnly(model));
  }
  const naive = count <= 5000 ? timeNaiveReparse(deltas) : undefined;
  rows.push({
    count: deltas.length,
    bytes: text.length,
    typed: median(typed),
    plain: median(plain),
    naive,
    partials: check.partials,
    items: check.items,
  });
}

const base = rows[0].typed / rows[0].count;
const lines = [
  `streamTyped over an in-memory NDJSON stream (median of ${CHUNK_SIZES.map(runsFor).join(' / ')} runs; node ${process.version})`,
  '',
  '| chunks | input chars | partials | streamTyped ms | µs / chunk | per-chunk vs 1k | stream alone ms | typed layer µs / chunk | re-parse prefix per chunk ms |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
];
for (const row of rows) {
  const perChunk = (row.typed * 1000) / row.count;
  const layer = ((row.typed - row.plain) * 1000) / row.count;
  lines.push(
    `| ${row.count} | ${row.bytes} | ${row.partials} | ${row.typed.toFixed(1)} | ${perChunk.toFixed(2)} | ${(row.typed / row.count / base).toFixed(2)}× | ${row.plain.toFixed(1)} | ${layer.toFixed(2)} | ${row.naive === undefined ? '—' : row.naive.toFixed(1)} |`,
  );
}
const last = rows.at(-1);
lines.push(
  '',
  `20k vs 1k chunks: ${(last.count / rows[0].count).toFixed(1)}× the input, ${(last.typed / rows[0].typed).toFixed(1)}× the time (linear: equal).`,
);
console.log(lines.join('\n'));
