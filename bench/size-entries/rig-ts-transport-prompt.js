// rig-ts's transport alone (ky and @rig-ts/http: retries, time limits, redirect policy, key redaction, error mapping)
// sending one prompt, with no provider mapping, request validation or stream code: what every provider bundle carries.
import { HttpTransport } from '@rig-ts/http';

const transport = new HttpTransport({
  provider: 'openai',
  baseURL: 'https://proxy.example/v1',
  apiKey: 'sk-user-supplied',
});
document.querySelector('button').addEventListener('click', async () => {
  const { body } = await transport.postJson('/chat/completions', {
    model: 'gpt-4o',
    messages: [{ role: 'user', content: 'Explain quantum computing' }],
  });
  document.body.textContent = body.choices[0].message.content;
});
