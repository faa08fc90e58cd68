import { fileURLToPath } from 'node:url';
import { bundleText } from '@rig-ts/provider-tests';
import { describe, expect, it } from 'vitest';

const source = fileURLToPath(new URL('..', import.meta.url));
// What only batch code holds: the job machinery, the JSONL reader, Anthropic's batch wire words.
const BATCH_MARKERS = ['createBatchJob', 'validateBatchEntries', 'readJsonLines', 'pollIntervalMs', 'custom_id', 'results_url', '/messages/batches', 'cancel_initiated_at'];

describe('@rig-ts/anthropic/batch is its own entry point', () => {
  it('a one-prompt app carries none of the batch code; an app that submits a batch carries it', async () => {
    const onePrompt = await bundleText(
      `import * as anthropic from './index.ts';
       const model = new anthropic.Client({ apiKey: 'k' }).completionModel('claude-sonnet-4-5');
       document.body.textContent = await model.prompt('Explain quantum computing');`,
      source,
    );
    const batchApp = await bundleText(
      `import * as anthropic from './index.ts';
       import { submitBatch } from './batch.ts';
       const model = new anthropic.Client({ apiKey: 'k' }).completionModel('claude-sonnet-4-5');
       const job = await submitBatch(model, [{ id: 'q1', request: model.completionRequest('hi').build() }]);
       for await (const result of (await job.wait()).results()) document.body.textContent += result.id;`,
      source,
    );
    expect(onePrompt).toContain('Explain quantum computing');
    expect(BATCH_MARKERS.filter((marker) => onePrompt.includes(marker))).toEqual([]);
    expect(BATCH_MARKERS.filter((marker) => !batchApp.includes(marker))).toEqual([]);
  });
});
