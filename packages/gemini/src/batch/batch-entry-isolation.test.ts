import { fileURLToPath } from 'node:url';
import { bundleText } from '@rig-ts/provider-tests';
import { describe, expect, it } from 'vitest';

const source = fileURLToPath(new URL('..', import.meta.url));
// What only batch code holds: the job machinery, the JSONL reader, Gemini's batch wire words.
const BATCH_MARKERS = ['createBatchJob', 'validateBatchEntries', 'readJsonLines', 'pollIntervalMs', 'batchGenerateContent', 'x-goog-upload', 'inlinedResponses', 'batchStats'];

describe('@rig-ts/gemini/batch is its own entry point', () => {
  it('a one-prompt app carries none of the batch code; an app that submits a batch carries it', async () => {
    const onePrompt = await bundleText(
      `import * as gemini from './index.ts';
       const model = new gemini.Client({ apiKey: 'k' }).completionModel('gemini-2.5-flash');
       document.body.textContent = await model.prompt('Explain quantum computing');`,
      source,
    );
    const batchApp = await bundleText(
      `import * as gemini from './index.ts';
       import { submitBatch } from './batch.ts';
       const model = new gemini.Client({ apiKey: 'k' }).completionModel('gemini-2.5-flash');
       const job = await submitBatch(model, [{ id: 'q1', request: model.completionRequest('hi').build() }]);
       for await (const result of (await job.wait()).results()) document.body.textContent += result.id;`,
      source,
    );
    expect(onePrompt).toContain('Explain quantum computing');
    expect(BATCH_MARKERS.filter((marker) => onePrompt.includes(marker))).toEqual([]);
    expect(BATCH_MARKERS.filter((marker) => !batchApp.includes(marker))).toEqual([]);
  });
});
