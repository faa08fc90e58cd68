import { bundleBatchEntryApps } from '@rig-ts/provider-tests';
import { expect, it } from 'vitest';

// Words only Gemini's batch wire code holds.
const WIRE_MARKERS = ['batchGenerateContent', 'x-goog-upload', 'inlinedResponses', 'batchStats'];

it('@rig-ts/gemini/batch is its own entry point: a one-prompt app carries no batch code, a batch app all of it', async () => {
  const apps = await bundleBatchEntryApps(new URL('..', import.meta.url), 'gemini-2.5-flash', WIRE_MARKERS);
  expect(apps.onePrompt).toContain('Explain quantum computing');
  expect(apps.batchCode).toEqual({ inOnePrompt: [], missingFromBatchApp: [] });
});
