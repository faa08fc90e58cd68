// A browser app that uses the rig-ts facade with one provider: an agent with a preamble, one prompt.
import * as openai from '@rig-ts/openai';
import { AgentBuilder } from 'rig-ts';

const model = new openai.Client({ apiKey: 'sk-user-supplied', baseURL: 'https://proxy.example/v1' }).completionModel(
  'gpt-4o',
);
const agent = new AgentBuilder(model).preamble('Be brief.').build();
document.querySelector('button').addEventListener('click', async () => {
  document.body.textContent = await agent.prompt('Explain quantum computing');
});
