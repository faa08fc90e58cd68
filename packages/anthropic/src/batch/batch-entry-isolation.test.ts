import { bundleBatchEntryApps } from '@rig-ts/provider-tests';
import { expect, it } from 'vitest';

// Words only Anthropic's batch wire code holds.
const WIRE_MARKERS = ['custom_id', 'results_url', '/messages/batches', 'cancel_initiated_at'];

it('@rig-ts/anthropic/batch is its own entry point: a one-prompt app carries no batch code, a batch app all of it', async () => {
  const apps = await bundleBatchEntryApps(new URL('..', import.meta.url), 'claude-sonnet-4-5', WIRE_MARKERS);
  expect(apps.onePrompt).toContain('Explain quantum computing');
  expect(apps.batchCode).toEqual({ inOnePrompt: [], missingFromBatchApp: [] });
});
