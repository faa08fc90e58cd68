// A browser app that constructs a DeepSeek client (a Chat-Completions preset) and makes one prompt call.
import * as deepseek from '@rig-ts/deepseek';

const client = new deepseek.Client({ apiKey: 'sk-user-supplied', baseURL: 'https://proxy.example' });
const model = client.completionModel('deepseek-chat');
document.querySelector('button').addEventListener('click', async () => {
  document.body.textContent = await model.prompt('Explain quantum computing');
});
