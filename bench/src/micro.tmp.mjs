import { HttpTransport } from '@rig-ts/http';
import { OpenAIChatModel } from '@rig-ts/openai-wire';
import { Message } from '@rig-ts/core';
import { openAIChatBody } from './payloads.mjs';
const transport = new HttpTransport({ provider: 'OpenAI', baseURL: 'http://x/v1', apiKey: 'k', fetch: async () => new Response(openAIChatBody, { headers: { 'content-type': 'application/json' } }) });
const model = new OpenAIChatModel('gpt-4.1-nano', { provider: 'openai', transport });
const req = { chatHistory: [Message.user('Explain quantum computing')], documents: [], tools: [] };
for (let r = 0; r < 3; r++) {
  let t = performance.now();
  for (let i = 0; i < 20000; i++) model.requestBody(req, false);
  const a = (performance.now() - t) * 1000 / 20000;
  t = performance.now();
  for (let i = 0; i < 5000; i++) await model.prompt('Explain quantum computing');
  const b = (performance.now() - t) * 1000 / 5000;
  t = performance.now();
  for (let i = 0; i < 5000; i++) await transport.postJson('/chat/completions', { model: 'm', messages: [] });
  const c = (performance.now() - t) * 1000 / 5000;
  t = performance.now();
  const f = async () => new Response(openAIChatBody, { headers: { 'content-type': 'application/json' } });
  for (let i = 0; i < 5000; i++) await (await f()).json();
  const d = (performance.now() - t) * 1000 / 5000;
  console.log(`requestBody ${a.toFixed(1)}µs | prompt (fake fetch) ${b.toFixed(1)}µs | postJson (fake fetch) ${c.toFixed(1)}µs | fake fetch+json ${d.toFixed(1)}µs`);
}
