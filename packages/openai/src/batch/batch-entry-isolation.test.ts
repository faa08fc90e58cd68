import { fileURLToPath } from 'node:url';
import { describeBatchEntryIsolation } from '@rig-ts/provider-tests';

describeBatchEntryIsolation({
  packageName: '@rig-ts/openai',
  source: fileURLToPath(new URL('..', import.meta.url)),
  modelId: 'gpt-4o',
  // What only batch code holds: the job machinery, the JSONL reader, OpenAI's batch wire words.
  markers: [
    'createBatchJob',
    'validateBatchEntries',
    'readJsonLines',
    'pollIntervalMs',
    'custom_id',
    'completion_window',
    '/batches',
    'purpose',
  ],
});
