// `node apps/chat/scripts/batch-demo.mjs`: runs a batch end to end on each provider's batch engine — OpenAI's Batch
// API, Anthropic's Message Batches, Gemini's Batch API — against the built-in simulator (no key needed): submit,
// wait with progress, stream the results, then resume the job from its id as a restarted process would. It uses the
// packages' builds (`pnpm build` first). Options: --provider openai|anthropic|gemini (default: all three),
// --count N (requests per batch, default 6), --fail <id,id> (requests the simulator fails, default q4),
// --delay-ms N (how long a batch runs, default 1500), --poll-ms N (pause between polls, default 250),
// --cancel (cancel each batch halfway instead of waiting for it).
import { parseArgs } from 'node:util';
import * as anthropic from '@rig-ts/anthropic';
import * as anthropicBatch from '@rig-ts/anthropic/batch';
import * as gemini from '@rig-ts/gemini';
import * as geminiBatch from '@rig-ts/gemini/batch';
import * as openai from '@rig-ts/openai';
import * as openaiBatch from '@rig-ts/openai/batch';
import { startSimulator } from '@rig-ts/testkit/simulator';

/** A provider's batch engine: a client on the simulator, the model, and submitBatch / getBatch of its `/batch` entry. */
function batchEngine(label, Client, modelId, batch) {
  return {
    label,
    client: (baseURL, headers) => new Client({ apiKey: 'sim', baseURL, headers }),
    model: (client) => client.completionModel(modelId),
    submit: batch.submitBatch,
    get: batch.getBatch,
  };
}

const PROVIDERS = {
  openai: batchEngine('OpenAI Batch API, gpt-4o-mini on the Responses API', openai.Client, 'gpt-4o-mini', openaiBatch),
  anthropic: batchEngine(
    'Anthropic Message Batches, claude-sonnet-4-5',
    anthropic.Client,
    'claude-sonnet-4-5',
    anthropicBatch,
  ),
  gemini: batchEngine('Gemini Batch API, gemini-2.5-flash', gemini.Client, 'gemini-2.5-flash', geminiBatch),
};

const REVIEWS = [
  'I love this product!',
  'Broke after two days.',
  'Does what it says.',
  'Worst purchase ever.',
  'Five stars, would buy again.',
  'Meh.',
  'Arrived late but works.',
  'Fantastic support team.',
];

function fail(message) {
  process.stderr.write(`batch-demo: ${message}\n`);
  process.exit(2);
}

function wholeNumber(name, text, minimum) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum)
    fail(`--${name} takes a whole number of at least ${minimum} (got "${text}")`);
  return value;
}

const { values } = parseArgs({
  options: {
    provider: { type: 'string' },
    count: { type: 'string', default: '6' },
    fail: { type: 'string', default: 'q4' },
    'delay-ms': { type: 'string', default: '1500' },
    'poll-ms': { type: 'string', default: '250' },
    cancel: { type: 'boolean', default: false },
  },
  strict: true,
});
if (values.provider !== undefined && !(values.provider in PROVIDERS))
  fail(`--provider is one of ${Object.keys(PROVIDERS).join(', ')} (got "${values.provider}")`);
const count = wholeNumber('count', values.count, 1);
const delayMs = wholeNumber('delay-ms', values['delay-ms'], 0);
const pollIntervalMs = wholeNumber('poll-ms', values['poll-ms'], 100);
const names = values.provider === undefined ? Object.keys(PROVIDERS) : [values.provider];

const short = (text, length = 64) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);
const progress = (job) => `${job.status} ${job.counts.succeeded + job.counts.failed}/${job.counts.total}`;

const simulator = await startSimulator({ batchDelayMs: delayMs });
process.stdout.write(
  `rig-ts batch demo — each provider's batch engine, served by the built-in simulator (no API key needed)\n`,
);
try {
  for (const name of names) {
    const provider = PROVIDERS[name];
    // The simulator fails the requests x-sim-batch-fail names; a real batch fails lines on its own.
    const client = provider.client(simulator.baseURLs[name], { 'x-sim-batch-fail': values.fail });
    const model = provider.model(client);
    const entries = Array.from({ length: count }, (_, index) => ({
      id: `q${index + 1}`,
      request: model
        .completionRequest(`Classify this review as positive or negative: ${REVIEWS[index % REVIEWS.length]}`)
        .preamble('Answer with one word.')
        .build(),
    }));
    process.stdout.write(`\n${name} (${provider.label})\n`);
    const job = await provider.submit(model, entries, { metadata: { demo: 'batch-demo' } });
    process.stdout.write(`  submitted ${job.id}: ${count} requests, ${job.status}\n`);
    for (const warning of job.warnings) process.stdout.write(`  note: ${warning.details ?? warning.message}\n`);
    const seen = [progress(job)];
    if (values.cancel) {
      await new Promise((resolve) => setTimeout(resolve, delayMs / 2));
      await job.cancel();
      seen.push(progress(job));
    }
    await job.wait({
      pollIntervalMs,
      onProgress: (current) => {
        const line = progress(current);
        if (seen.at(-1) !== line) seen.push(line);
      },
    });
    process.stdout.write(`  ${seen.join(' → ')}\n`);
    let succeeded = 0;
    for await (const result of job.results()) {
      if (result.ok) succeeded++;
      process.stdout.write(
        result.ok
          ? `  ✓ ${result.id}  ${short(result.response.choice.map((part) => part.text ?? '').join(''))}\n`
          : `  ✗ ${result.id}  ${short(result.error.message, 96)}\n`,
      );
    }
    // A restarted process needs only the id: a new client finds the job again.
    const resumed = await provider.get(provider.client(simulator.baseURLs[name], {}), job.id);
    process.stdout.write(
      `  resumed ${resumed.id} with getBatch: ${resumed.status}, ${resumed.counts.succeeded} succeeded, ${resumed.counts.failed} failed (${succeeded} read)\n`,
    );
  }
} finally {
  await simulator.close();
}
