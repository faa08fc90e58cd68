// rig-ts: the real @rig-ts/openai package (ky transport, SSE decoder, Chat Completions adapter, accumulator).
import * as openai from '@rig-ts/openai';

export const name = 'rig-ts';

export async function streamText(baseURL, count, onFirstDelta) {
  const model = new openai.Client({ apiKey: 'sk-bench', baseURL: `${baseURL}/v1` }).completionModel('gpt-4.1-nano', { api: 'chat' });
  const stream = await model.streamPrompt('hi', { headers: { 'x-bench-count': String(count) } });
  let first = true;
  for await (const item of stream) {
    if (item.type === 'text' && first) {
      first = false;
      onFirstDelta();
    }
  }
  const final = await stream.final;
  return final.choice[0].text;
}
