// A browser page answered by the in-process provider simulator (no server).
import { createSimulatorFetch } from '@rig-ts/testkit';

const simulatorFetch = createSimulatorFetch();
const response = await simulatorFetch(`${simulatorFetch.baseURLs.openai}/chat/completions`, {
  method: 'POST',
  body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hello' }] }),
});
document.body.textContent = await response.text();
