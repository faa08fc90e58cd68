import { chunkLines, chunksToWire, readFixture } from '@rig-ts/fixtures';
import { describePresetRecordings, replayStream, streamedKinds } from '@rig-ts/provider-tests';
import { describe, expect, it } from 'vitest';
import expectations from './__fixtures__/expectations.json' with { type: 'json' };
import * as deepseek from './index.js';

const model = describePresetRecordings('DeepSeek', {
  Client: deepseek.Client,
  modelId: 'deepseek-reasoner',
  expectations,
  chat: 12,
});

describe('DeepSeek recordings, by hand', () => {
  it('reads cache hits and reasoning tokens from the raw stream usage', async () => {
    const stream = await replayStream(model, [
      readFixture('deepseek/pydantic-ai/test_deepseek_model_thinking_stream.0.response.sse'),
    ]);
    const final = await stream.final;
    expect(final.usage).toEqual({
      promptTokens: 6,
      completionTokens: 212,
      totalTokens: 218,
      cachedPromptTokens: 0,
      reasoningTokens: 198,
    });
    expect(final.choice.map((block) => block.type)).toEqual(['reasoning', 'text']);
    expect(final.choice[1]).toEqual({ type: 'text', text: 'Hello there! 😊 How can I help you today?' });
  });

  it('streams reasoning deltas, then the tool call with its DeepSeek id', async () => {
    const wire = chunksToWire(chunkLines('deepseek/vercel-ai/deepseek-tool-call.chunks.txt'), 'chat');
    const stream = await replayStream(model, [wire]);
    const kinds: string[] = [];
    for await (const item of stream) if (kinds.at(-1) !== item.type) kinds.push(item.type);
    // The completed reasoning block is emitted when the stream ends, after the tool call that closed on finish_reason.
    expect(kinds).toEqual(['reasoning-delta', 'tool-call-delta', 'tool-call', 'reasoning', 'final']);
    const final = await stream.final;
    expect(final.choice.at(-1)).toEqual({
      type: 'tool-call',
      id: 'call_00_ioIn7yN9p1ZOMNpDLwd4MgAF',
      function: { name: 'weather', arguments: { location: 'San Francisco' } },
    });
    // Its usage (cache hits and reasoning tokens included) is the replay table's, checked by describePresetRecordings.
  });
});
