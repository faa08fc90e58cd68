// The same one-prompt app with LangChain.
import { ChatOpenAI } from '@langchain/openai';

const model = new ChatOpenAI({
  model: 'gpt-4o',
  apiKey: 'sk-user-supplied',
  configuration: { baseURL: 'https://proxy.example/v1', dangerouslyAllowBrowser: true },
});
document.querySelector('button').addEventListener('click', async () => {
  document.body.textContent = (await model.invoke('Explain quantum computing')).content;
});
