import { readFixture, readJsonFixture } from '@rig-ts/fixtures';
import {
  describePresetRecordings,
  replayCompletion,
  replayStream,
  streamedKinds,
  type Expectations,
} from '@rig-ts/provider-tests';
import { describe, expect, it } from 'vitest';
import expectations from './__fixtures__/expectations.json' with { type: 'json' };
import * as mistral from './index.js';

const model = describePresetRecordings('Mistral', {
  Client: mistral.Client,
  modelId: 'magistral-medium-latest',
  expectations,
  chat: 11,
});

describe('Mistral recordings, by hand', () => {
  it('reads the thinking parts of a non-streamed Magistral answer as a reasoning block before the text', async () => {
    const response = await replayCompletion(model, readJsonFixture('mistral/vercel-ai/mistral-reasoning.json'));
    expect(response.choice).toEqual([
      {
        type: 'reasoning',
        content: [{ type: 'text', text: 'The user is asking for 2+2. This is basic arithmetic. 2+2=4.' }],
      },
      { type: 'text', text: '2 + 2 = 4' },
    ]);
    expect(response.usage).toEqual({ promptTokens: 10, completionTokens: 46, totalTokens: 56 });
  });

  it('streams the thinking parts of the raw Magistral stream as reasoning deltas, then the text', async () => {
    const stream = await replayStream(model, [
      readFixture('mistral/pydantic-ai/test_mistral_model_thinking_part_iter.0.response.sse'),
    ]);
    expect(await streamedKinds(stream)).toEqual(['reasoning-delta', 'text', 'reasoning', 'final']);
    const final = await stream.final;
    expect(final.choice[0]).toMatchObject({
      type: 'reasoning',
      content: [{ type: 'text', text: expect.stringMatching(/^Okay, the user is asking/) }],
    });
    expect(final.choice[1]).toMatchObject({
      type: 'text',
      text: expect.stringMatching(/^To cross the street safely, follow these steps:/),
    });
    expect([final.finishReason, final.rawFinishReason, final.usage]).toEqual([
      'stop',
      'stop',
      { promptTokens: 10, completionTokens: 232, totalTokens: 242 },
    ]);
  });

  it('reads prompt cache hits', async () => {
    const response = await replayCompletion(
      model,
      readJsonFixture('mistral/pydantic-ai/test_mistral_history_uses_prompt_cache.1.response.json'),
    );
    expect(response.usage).toEqual({
      promptTokens: 268,
      completionTokens: 5,
      totalTokens: 273,
      cachedPromptTokens: 224,
    });
  });

  it('maps the model_length finish reason to length', async () => {
    const body = {
      id: 'm1',
      model: 'mistral-small-latest',
      object: 'chat.completion',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Once upon' }, finish_reason: 'model_length' }],
      usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
    };
    const response = await replayCompletion(model, body);
    expect([response.finishReason, response.rawFinishReason]).toEqual(['length', 'model_length']);
  });
});
