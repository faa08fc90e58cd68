// A browser app that constructs an OpenAI client and streams one prompt's answer into the page.
import * as openai from '@rig-ts/openai';

const client = new openai.Client({ apiKey: 'sk-user-supplied', baseURL: 'https://proxy.example/v1' });
const model = client.completionModel('gpt-4o');
document.querySelector('button').addEventListener('click', async () => {
  const stream = await model.streamPrompt('Explain quantum computing');
  for await (const text of stream.textStream) document.body.append(text);
});
