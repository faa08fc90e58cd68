import { fileURLToPath } from 'node:url';
import { describeBatchEntryPoint } from '@rig-ts/provider-tests';

describeBatchEntryPoint({
  packageName: '@rig-ts/anthropic',
  source: fileURLToPath(new URL('..', import.meta.url)),
  modelId: 'claude-sonnet-4-5',
  wireMarkers: ['custom_id', 'results_url', '/messages/batches', 'cancel_initiated_at'],
});
