import { CompletionError } from '@rig-ts/core';
import { listFixtures, readJsonFixture } from '@rig-ts/fixtures';
import { describe, expect, it } from 'vitest';
import type { AnthropicMessage } from './anthropic-api-types.js';
import { anthropicFinishReason, convertAnthropicBlock, parseAnthropicResponse } from './parse-anthropic-response.js';
import { EXPECTED_RESPONSES, jsonToolOf, summarize } from './test-utils/expected-responses.js';

const pydanticBodies = listFixtures('anthropic/pydantic-ai', '.meta.json')
  .map((path) => readJsonFixture(path))
  .filter((meta) => meta.status.code === 200 && meta.response_format === 'json-reserialized')
  .map((meta) => `anthropic/pydantic-ai/${meta.response_file}`);
const vercelBodies = listFixtures('anthropic/vercel-ai', '.json').filter((path) => !path.includes('/synthetic/'));

describe('parseAnthropicResponse replays every real non-streamed recording', () => {
  it('finds them all', () => {
    expect(pydanticBodies).toHaveLength(11);
    expect(vercelBodies).toHaveLength(26);
  });

  it.each([...pydanticBodies, ...vercelBodies])('%s', (path) => {
    const body = readJsonFixture<AnthropicMessage>(path);
    const text = JSON.stringify(body);
    const response = parseAnthropicResponse(body, { jsonToolName: jsonToolOf(path) });
    expect(summarize(response)).toEqual(EXPECTED_RESPONSES[path]);
    expect(response.rawResponse).toBe(body);
    expect(response.rawResponse.tokenUsage()).toEqual(response.usage);
    expect(JSON.stringify(response.rawResponse)).toBe(text);
    expect(response).not.toHaveProperty('warnings');
    expect(response).not.toHaveProperty('requestId');
  });
});

describe('parseAnthropicResponse, exactly', () => {
  it('thinking with its signature, text and a tool call (pydantic-ai tool_with_thinking, turn 0)', () => {
    const body = readJsonFixture<AnthropicMessage>(
      'anthropic/pydantic-ai/test_anthropic_tool_with_thinking.0.response.json',
    );
    const thinking = body.content[0] as { thinking: string; signature: string };
    expect([thinking.signature.length, thinking.signature.slice(0, 24), thinking.signature.slice(-12)]).toEqual([
      736,
      'EqEECkYICxgCKkAo3UA4WwDb',
      '9EK5/JwYAQ==',
    ]);
    const response = parseAnthropicResponse(body, {
      requestId: 'req_1',
      warnings: [{ type: 'other', message: 'note' }],
    });
    expect(response).toEqual({
      choice: [
        { type: 'reasoning', content: [{ type: 'text', text: thinking.thinking, signature: thinking.signature }] },
        {
          type: 'text',
          text: "I'll help you find the largest city in your country. First, let me determine which country you're from.",
        },
        {
          type: 'tool-call',
          id: 'toolu_01YGzqpRE16Vricda3Aqcejo',
          function: { name: 'get_user_country', arguments: {} },
        },
      ],
      usage: {
        promptTokens: 398,
        completionTokens: 155,
        totalTokens: 553,
        cachedPromptTokens: 0,
        cacheCreationTokens: 0,
      },
      finishReason: 'tool-calls',
      rawFinishReason: 'tool_use',
      id: 'msg_01WvueFjZVbHcj4H4zUzeGv2',
      model: 'claude-sonnet-4-20250514',
      requestId: 'req_1',
      warnings: [{ type: 'other', message: 'note' }],
      rawResponse: body,
    });
    expect(thinking.thinking.startsWith('The user is asking about the largest city in "the user country".')).toBe(true);
  });

  it('four parallel tool calls (pydantic-ai multiple_parallel_tool_calls, turn 0)', () => {
    const response = parseAnthropicResponse(
      readJsonFixture('anthropic/pydantic-ai/test_multiple_parallel_tool_calls.0.response.json'),
    );
    expect(response.choice.slice(1)).toEqual(
      [
        ['toolu_0167cfEnoQaPviGdVXA95zcu', 'Alice'],
        ['toolu_01EEe2V5HD1Ac4rKiUR4HD2T', 'Bob'],
        ['toolu_01XFyAjstT3966qvRynZyVPo', 'Charlie'],
        ['toolu_013mnQZbgtK2oe3Mo3XKJsx3', 'Daisy'],
      ].map(([id, name]) => ({
        type: 'tool-call',
        id,
        function: { name: 'retrieve_entity_info', arguments: { name } },
      })),
    );
    expect(response.finishReason).toBe('tool-calls');
  });

  it('redacted thinking keeps its opaque data', () => {
    const body = readJsonFixture<AnthropicMessage>(
      'anthropic/pydantic-ai/test_anthropic_model_thinking_part_redacted.0.response.json',
    );
    const data = (body.content[0] as { data: string }).data;
    expect(data.startsWith('EvgFCkYIBxgCKkBmxKtCnM3xlr1z')).toBe(true);
    expect(parseAnthropicResponse(body).choice[0]).toEqual({
      type: 'reasoning',
      content: [{ type: 'redacted', data }],
    });
  });

  it('web search: server blocks kept whole, citations on the cited text', () => {
    const body = readJsonFixture<AnthropicMessage>('anthropic/vercel-ai/anthropic-web-search-tool.1.json');
    const response = parseAnthropicResponse(body);
    expect(response.choice[0]).toEqual({
      type: 'text',
      text: '',
      providerMetadata: { anthropic: { block: body.content[0] } },
    });
    expect(response.choice[1]).toEqual({
      type: 'text',
      text: '',
      providerMetadata: { anthropic: { block: body.content[1] } },
    });
    const cited = body.content[6] as { text: string; citations: unknown[] };
    expect(cited.citations).toHaveLength(1);
    expect(response.choice[6]).toEqual({
      type: 'text',
      text: cited.text,
      providerMetadata: { anthropic: { citations: cited.citations } },
    });
    expect(response.finishReason).toBe('stop');
  });

  it('the json tool of structured output becomes the answer text and the turn stops', () => {
    const response = parseAnthropicResponse(readJsonFixture('anthropic/vercel-ai/anthropic-json-tool.1.json'), {
      jsonToolName: 'json',
    });
    expect(response.choice).toEqual([
      {
        type: 'text',
        text: '{"elements":[{"location":"San Francisco","temperature":-5,"condition":"snowy"},{"location":"London","temperature":0,"condition":"snowy"},{"location":"Paris","temperature":23,"condition":"cloudy"},{"location":"Berlin","temperature":-9,"condition":"snowy"}]}',
      },
    ]);
    expect(response.finishReason).toBe('stop');
    expect(response.rawFinishReason).toBe('tool_use');
    expect(parseAnthropicResponse(readJsonFixture('anthropic/vercel-ai/anthropic-json-tool.1.json')).finishReason).toBe(
      'tool-calls',
    );
  });

  it('when the model calls another tool instead of the json tool, the call stays a tool call', () => {
    const response = parseAnthropicResponse(readJsonFixture('anthropic/vercel-ai/anthropic-json-other-tool.1.json'), {
      jsonToolName: 'json',
    });
    expect(response.choice).toEqual([
      {
        type: 'tool-call',
        id: 'toolu_01PQjhxo3eirCdKNvCJrKc8f',
        function: { name: 'weather', arguments: { location: 'San Francisco' } },
      },
    ]);
    expect(response.finishReason).toBe('tool-calls');
  });

  it('a refusal with no content (synthetic) is content-filter with one empty text block', () => {
    const response = parseAnthropicResponse(readJsonFixture('anthropic/vercel-ai/synthetic/anthropic-refusal.json'));
    expect(response.choice).toEqual([{ type: 'text', text: '' }]);
    expect(response.finishReason).toBe('content-filter');
    expect(response.rawFinishReason).toBe('refusal');
    expect(response.usage).toEqual({
      promptTokens: 18,
      completionTokens: 5,
      totalTokens: 23,
      cachedPromptTokens: 0,
      cacheCreationTokens: 0,
    });
  });

  it('an unknown block (synthetic fallback) is kept for the round trip', () => {
    const body = readJsonFixture<AnthropicMessage>('anthropic/vercel-ai/synthetic/anthropic-fallback.json');
    expect(parseAnthropicResponse(body).choice).toEqual([
      {
        type: 'text',
        text: '',
        providerMetadata: {
          anthropic: {
            block: { type: 'fallback', from: { model: 'claude-fable-5' }, to: { model: 'claude-opus-4-8' } },
          },
        },
      },
      { type: 'text', text: (body.content[1] as { text: string }).text },
    ]);
  });

  it('an error body is a provider error; a body without content is a malformed response', () => {
    const error = (() => {
      try {
        parseAnthropicResponse(
          readJsonFixture('anthropic/pydantic-ai/test_anthropic_count_tokens_error.0.response.json'),
          { requestId: 'req_x' },
        );
      } catch (caught) {
        return caught;
      }
    })();
    expect(CompletionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      name: 'CompletionError.Provider',
      kind: 'provider',
      requestId: 'req_x',
      isRetryable: false,
      providerError: { type: 'not_found_error', message: 'model: claude-does-not-exist' },
    });
    expect((error as Error).message).toBe('Anthropic reported not_found_error: model: claude-does-not-exist');
    expect(() => parseAnthropicResponse({ id: 'msg' } as unknown as AnthropicMessage)).toThrow(
      expect.objectContaining({
        kind: 'response',
        reason: 'malformed',
        message: 'Anthropic answered with a body that is not a message (no content array)',
      }),
    );
  });
});

describe('convertAnthropicBlock and anthropicFinishReason', () => {
  it.each([
    [{ type: 'text', text: '' }, undefined],
    [
      { type: 'text', text: 'hi', citations: null },
      { type: 'text', text: 'hi' },
    ],
    [
      { type: 'text', text: 'hi', citations: [] },
      { type: 'text', text: 'hi' },
    ],
    [
      { type: 'thinking', thinking: 'hmm' },
      { type: 'reasoning', content: [{ type: 'text', text: 'hmm' }] },
    ],
    [
      { type: 'tool_use', id: 'toolu_1', name: 'rollDie', input: { player: 'player1' }, caller: { type: 'direct' } },
      {
        type: 'tool-call',
        id: 'toolu_1',
        function: { name: 'rollDie', arguments: { player: 'player1' } },
        providerMetadata: { anthropic: { caller: { type: 'direct' } } },
      },
    ],
    [
      { type: 'compaction', content: 'summary' },
      {
        type: 'text',
        text: '',
        providerMetadata: { anthropic: { block: { type: 'compaction', content: 'summary' } } },
      },
    ],
  ] as const)('%j', (block, expected) => {
    expect(convertAnthropicBlock(block as never, undefined)).toEqual(expected);
  });

  it.each([
    ['end_turn', false, false, 'stop'],
    ['end_turn', true, false, 'tool-calls'],
    ['tool_use', true, false, 'tool-calls'],
    ['tool_use', false, true, 'stop'],
    ['tool_use', true, true, 'tool-calls'],
    ['max_tokens', true, false, 'length'],
    ['pause_turn', false, false, 'stop'],
  ] as const)('%s (tool call %s, json tool %s) → %s', (reason, hasToolCall, jsonToolUsed, expected) => {
    expect(anthropicFinishReason(reason, hasToolCall, jsonToolUsed)).toBe(expected);
  });
});
