import { HttpTransport } from '@rig-ts/http';
import { openAIChatBody } from './payloads.mjs';
const transport = new HttpTransport({ provider: 'OpenAI', baseURL: 'http://x/v1', apiKey: 'k', fetch: async () => new Response(openAIChatBody, { headers: { 'content-type': 'application/json' } }) });
for (let i = 0; i < 20000; i++) await transport.postJson('/chat/completions', { model: 'm', messages: [] });
