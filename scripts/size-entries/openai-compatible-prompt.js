// A browser app that constructs a client for an OpenAI-compatible server and makes one prompt call.
import * as compatible from '@rig-ts/openai-compatible';

const client = new compatible.Client({ name: 'vllm', baseURL: 'https://llm.example/v1', apiKey: 'user-supplied' });
const model = client.completionModel('Qwen/Qwen3-8B');
document.querySelector('button').addEventListener('click', async () => {
  document.body.textContent = await model.prompt('Explain quantum computing');
});
