import { fileURLToPath } from 'node:url';
import { describeBatchEntryPoint } from '@rig-ts/provider-tests';

describeBatchEntryPoint({
  packageName: '@rig-ts/gemini',
  source: fileURLToPath(new URL('..', import.meta.url)),
  modelId: 'gemini-2.5-flash',
  wireMarkers: ['batchGenerateContent', 'x-goog-upload', 'inlinedResponses', 'batchStats'],
});
