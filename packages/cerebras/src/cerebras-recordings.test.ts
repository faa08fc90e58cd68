import { Message } from '@rig-ts/core';
import { readJsonFixture } from '@rig-ts/fixtures';
import { describePresetRecordings, jsonResponse, recordingFetch } from '@rig-ts/provider-tests';
import { describe, expect, it } from 'vitest';
import expectations from './__fixtures__/expectations.json' with { type: 'json' };
import * as cerebras from './index.js';

const model = describePresetRecordings('Cerebras', {
  Client: cerebras.Client,
  modelId: 'zai-glm-4.7',
  expectations,
  chat: 3,
});

describe('Cerebras recordings, by hand', () => {
  it('replays the recorded GLM conversation: the first answer is reasoning then text, and its reasoning goes back in <think> tags', async () => {
    const first = readJsonFixture(
      'cerebras/pydantic-ai/test_cerebras_zai_reasoning_replayed_as_think_tags.0.response.json',
    );
    const firstRequest = readJsonFixture(
      'cerebras/pydantic-ai/test_cerebras_zai_reasoning_replayed_as_think_tags.0.meta.json',
    ).request_body;
    const secondRequest = readJsonFixture(
      'cerebras/pydantic-ai/test_cerebras_zai_reasoning_replayed_as_think_tags.1.meta.json',
    ).request_body;
    const recorded = recordingFetch((_body, index) =>
      jsonResponse(
        index === 0
          ? first
          : readJsonFixture('cerebras/pydantic-ai/test_cerebras_zai_reasoning_replayed_as_think_tags.1.response.json'),
      ),
    );
    const glm = new cerebras.Client({ apiKey: 'k', fetch: recorded.fetch }).completionModel('zai-glm-4.7');

    const question = Message.user(firstRequest.messages[0].content);
    const turn = await glm.completion({ chatHistory: [question], documents: [], tools: [] });
    expect(turn.choice).toEqual([
      { type: 'reasoning', content: [{ type: 'text', text: first.choices[0].message.reasoning }] },
      { type: 'text', text: '25 * 4 = 100.' },
    ]);
    const followUp = Message.user(secondRequest.messages[2].content);
    const second = await glm.completion({
      chatHistory: [question, Message.assistant(turn.choice), followUp],
      documents: [],
      tools: [],
    });
    const { stream: _first, ...firstBody } = firstRequest;
    const { stream: _second, ...secondBody } = secondRequest;
    expect(recorded.requests.map((request) => request.body)).toEqual([firstBody, secondBody]);
    expect(second.choice.at(-1)).toEqual({ type: 'text', text: '100 / 2 = 50.' });
    expect(second.usage).toEqual({
      promptTokens: 35,
      completionTokens: 106,
      totalTokens: 141,
      cachedPromptTokens: 0,
      reasoningTokens: 97,
    });
  });
});
