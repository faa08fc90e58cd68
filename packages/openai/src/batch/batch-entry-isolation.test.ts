import { bundleBatchEntryApps } from '@rig-ts/provider-tests';
import { expect, it } from 'vitest';

// Words only OpenAI's batch wire code holds.
const WIRE_MARKERS = ['custom_id', 'completion_window', '/batches', 'purpose'];

it('@rig-ts/openai/batch is its own entry point: a one-prompt app carries no batch code, a batch app all of it', async () => {
  const apps = await bundleBatchEntryApps(new URL('..', import.meta.url), 'gpt-4o', WIRE_MARKERS);
  expect(apps.onePrompt).toContain('Explain quantum computing');
  expect(apps.batchCode).toEqual({ inOnePrompt: [], missingFromBatchApp: [] });
});
