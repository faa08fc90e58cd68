import { chunkLines, chunksToWire, readJsonFixture } from '@rig-ts/fixtures';
import { describeRecordings, replayCompletion, replayStream, type Expectations } from '@rig-ts/provider-tests';
import { describe, expect, it } from 'vitest';
import expectations from './__fixtures__/expectations.json' with { type: 'json' };
import * as xai from './index.js';

const client = (fetch: typeof globalThis.fetch) => new xai.Client({ apiKey: 'xai-test', fetch, maxRetries: 0 });
const chatModel = (fetch: typeof globalThis.fetch) => client(fetch).completionModel('grok-3-mini');
const responsesModel = (fetch: typeof globalThis.fetch) => xai.responsesModel(client(fetch), 'grok-4-fast-reasoning');

describeRecordings('xAI', {
  expectations: expectations as Expectations,
  chatModel,
  responsesModel,
  recordings: {
    chat: 8,
    responses: [
      'xai/vercel-ai/responses/xai-code-execution-tool.1.json',
      'xai/vercel-ai/responses/xai-web-search-tool.1.json',
      'xai/vercel-ai/responses/xai-text-streaming.1.chunks.txt',
      'xai/vercel-ai/responses/xai-text-with-reasoning-streaming-store-false.1.chunks.txt',
      'xai/vercel-ai/responses/xai-text-with-reasoning-streaming.1.chunks.txt',
      'xai/vercel-ai/responses/xai-web-search-tool.1.chunks.txt',
    ],
  },
});

describe('xAI recordings, by hand', () => {
  it('puts the reasoning_content of a chat tool call before the call', async () => {
    const response = await replayCompletion(chatModel, readJsonFixture('xai/vercel-ai/chat/xai-tool-call.json'));
    expect(response.choice).toEqual([
      {
        type: 'reasoning',
        content: [{ type: 'text', text: expect.stringMatching(/^First, the user is asking about the weather/) }],
      },
      {
        type: 'tool-call',
        id: 'call_93562515',
        function: { name: 'weather', arguments: { location: 'San Francisco' } },
      },
    ]);
    // Its usage (cached and reasoning tokens included) is the replay table's, checked by describeRecordings above.
  });

  it('keeps the web-search citations of a Responses stream as annotations', async () => {
    const wire = chunksToWire(chunkLines('xai/vercel-ai/responses/xai-web-search-tool.1.chunks.txt'), 'typed-events');
    const final = await (await replayStream(responsesModel, [wire])).final;
    const text = final.choice.find((block) => block.type === 'text');
    expect(text?.type).toBe('text');
    const annotations =
      (text?.providerMetadata?.openai as { annotations?: { type: string; url: string }[] }).annotations ?? [];
    expect(annotations.length).toBeGreaterThan(0);
    expect(
      annotations.every((annotation) => annotation.type === 'url_citation' && annotation.url.startsWith('http')),
    ).toBe(true);
  });
});
