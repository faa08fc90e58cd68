// The same one-prompt app with the Vercel AI SDK.
import { createOpenAI } from '@ai-sdk/openai';
import { generateText } from 'ai';

const openai = createOpenAI({ apiKey: 'sk-user-supplied', baseURL: 'https://proxy.example/v1' });
document.querySelector('button').addEventListener('click', async () => {
  const { text } = await generateText({ model: openai('gpt-4o'), prompt: 'Explain quantum computing' });
  document.body.textContent = text;
});
