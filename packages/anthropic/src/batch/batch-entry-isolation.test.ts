import { fileURLToPath } from 'node:url';
import { bundleBatchEntryApps } from '@rig-ts/provider-tests';
import { describe, expect, it } from 'vitest';

/** What only batch code holds: the job machinery, the JSONL reader, Anthropic's batch wire words. */
const BATCH_MARKERS = [
  'createBatchJob',
  'validateBatchEntries',
  'readJsonLines',
  'pollIntervalMs',
  'custom_id',
  'results_url',
  '/messages/batches',
  'cancel_initiated_at',
];

describe('@rig-ts/anthropic/batch is its own entry point', () => {
  it('a one-prompt app carries none of the batch code; an app that submits a batch carries it', async () => {
    const { onePrompt, batchApp } = await bundleBatchEntryApps(
      fileURLToPath(new URL('..', import.meta.url)),
      'claude-sonnet-4-5',
    );
    expect(onePrompt).toContain('Explain quantum computing');
    expect(BATCH_MARKERS.filter((marker) => onePrompt.includes(marker))).toEqual([]);
    expect(BATCH_MARKERS.filter((marker) => !batchApp.includes(marker))).toEqual([]);
  });
});
