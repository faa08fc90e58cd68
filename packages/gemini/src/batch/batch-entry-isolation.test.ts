import { fileURLToPath } from 'node:url';
import { describeBatchEntryIsolation } from '@rig-ts/provider-tests';

describeBatchEntryIsolation({
  packageName: '@rig-ts/gemini',
  source: fileURLToPath(new URL('..', import.meta.url)),
  modelId: 'gemini-2.5-flash',
  // What only batch code holds: the job machinery, the JSONL reader, Gemini's batch wire words.
  markers: [
    'createBatchJob',
    'validateBatchEntries',
    'readJsonLines',
    'pollIntervalMs',
    'batchGenerateContent',
    'x-goog-upload',
    'inlinedResponses',
    'batchStats',
  ],
});
