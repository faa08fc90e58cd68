import { fileURLToPath } from 'node:url';
import { describeBatchEntryIsolation } from '@rig-ts/provider-tests';

describeBatchEntryIsolation({
  packageName: '@rig-ts/anthropic',
  source: fileURLToPath(new URL('..', import.meta.url)),
  modelId: 'claude-sonnet-4-5',
  // What only batch code holds: the job machinery, the JSONL reader, Anthropic's batch wire words.
  markers: [
    'createBatchJob',
    'validateBatchEntries',
    'readJsonLines',
    'pollIntervalMs',
    'custom_id',
    'results_url',
    '/messages/batches',
    'cancel_initiated_at',
  ],
});
