import { fileURLToPath } from 'node:url';
import { describeBatchEntryPoint } from '@rig-ts/provider-tests';

describeBatchEntryPoint({
  packageName: '@rig-ts/openai',
  source: fileURLToPath(new URL('..', import.meta.url)),
  modelId: 'gpt-4o',
  wireMarkers: ['custom_id', 'completion_window', '/batches', 'purpose'],
});
