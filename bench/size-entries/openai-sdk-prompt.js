// The same one-prompt app with the official openai SDK.
import OpenAI from 'openai';

const client = new OpenAI({
  apiKey: 'sk-user-supplied',
  baseURL: 'https://proxy.example/v1',
  dangerouslyAllowBrowser: true,
});
document.querySelector('button').addEventListener('click', async () => {
  const completion = await client.chat.completions.create({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: 'Explain quantum computing' }],
  });
  document.body.textContent = completion.choices[0].message.content;
});
