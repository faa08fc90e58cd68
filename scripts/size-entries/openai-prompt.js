// A browser app that constructs an OpenAI client and makes one prompt call.
import * as openai from '@rig-ts/openai';

const client = new openai.Client({ apiKey: 'sk-user-supplied', baseURL: 'https://proxy.example/v1' });
const model = client.completionModel('gpt-4o');
document.querySelector('button').addEventListener('click', async () => {
  document.body.textContent = await model.prompt('Explain quantum computing');
});
