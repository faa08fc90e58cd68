import { describe, expect, it } from 'vitest';
import {
  anthropicMessageExpectation,
  anthropicStreamMessages,
  deriveAnthropicExpectations,
  rebuildAnthropicMessage,
} from './derive-anthropic-expectations.js';
import { sseDataPayloads } from './derive-expectations.js';

const start = {
  type: 'message_start',
  message: {
    id: 'msg_1',
    model: 'claude-x',
    content: [],
    stop_reason: null,
    usage: { input_tokens: 10, cache_read_input_tokens: 4, output_tokens: 1 },
  },
};

describe('deriveAnthropicExpectations', () => {
  it('rebuilds a streamed message: thinking with its signature deltas, cited text, streamed tool input, usage merged', () => {
    const message = rebuildAnthropicMessage([
      start,
      { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'hm' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'AB' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'CD' } },
      { type: 'content_block_stop', index: 0 },
      { type: 'content_block_start', index: 1, content_block: { type: 'text', text: 'Pa' } },
      { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'ris' } },
      { type: 'content_block_delta', index: 1, delta: { type: 'citations_delta', citation: { cited_text: 'Paris' } } },
      { type: 'content_block_stop', index: 1 },
      {
        type: 'content_block_start',
        index: 2,
        content_block: { type: 'tool_use', id: 'toolu_1', name: 'f', input: {} },
      },
      { type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: '{"a":' } },
      { type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: '1}' } },
      { type: 'content_block_stop', index: 2 },
      { type: 'message_delta', delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 9 } },
      { type: 'message_stop' },
    ]);
    expect(anthropicMessageExpectation(message)).toEqual({
      id: 'msg_1',
      model: 'claude-x',
      finishReason: 'tool-calls',
      rawFinishReason: 'tool_use',
      usage: { promptTokens: 14, completionTokens: 9, totalTokens: 23, cachedPromptTokens: 4 },
      choice: [
        { type: 'reasoning', content: [{ type: 'text', text: 'hm', signature: 'ABCD' }] },
        { type: 'text', text: 'Paris', providerMetadata: { anthropic: { citations: [{ cited_text: 'Paris' }] } } },
        { type: 'tool-call', id: 'toolu_1', function: { name: 'f', arguments: { a: 1 } } },
      ],
    });
  });

  it('the json tool of structured output is the answer text and the turn stops; an empty answer is one empty text', () => {
    const body = {
      id: 'm',
      model: 'c',
      stop_reason: 'tool_use',
      usage: { input_tokens: 1, output_tokens: 2 },
      content: [{ type: 'tool_use', id: 't', name: 'json', input: { b: [1] } }],
    };
    expect(anthropicMessageExpectation(body, 'json')).toMatchObject({
      finishReason: 'stop',
      choice: [{ type: 'text', text: '{"b":[1]}' }],
    });
    expect(anthropicMessageExpectation(body)).toMatchObject({
      finishReason: 'tool-calls',
      choice: [{ type: 'tool-call', id: 't', function: { name: 'json', arguments: { b: [1] } } }],
    });
    expect(
      anthropicMessageExpectation({ ...body, stop_reason: 'refusal', content: [{ type: 'text', text: '' }] }),
    ).toMatchObject({ finishReason: 'content-filter', choice: [{ type: 'text', text: '' }] });
  });

  it('reads raw SSE frames and splits consecutive messages', () => {
    const events = sseDataPayloads(
      'event: message_start\ndata: {"type":"message_start"}\n\nevent: ping\ndata: {"type": "ping"}\n\ndata:{"type":"message_stop"}\n\n',
    );
    expect(events).toEqual([{ type: 'message_start' }, { type: 'ping' }, { type: 'message_stop' }]);
    expect(anthropicStreamMessages([...events, ...events])).toHaveLength(2);
  });

  it('derives every real answer: pydantic-ai ones answered 200, each message of a multi-message stream by index', () => {
    const expectations = deriveAnthropicExpectations(['anthropic/pydantic-ai', 'anthropic/vercel-ai']);
    const keys = Object.keys(expectations);
    expect(keys.some((key) => key.includes('/synthetic/'))).toBe(false);
    expect(keys).not.toContain('anthropic/pydantic-ai/test_anthropic_count_tokens_error.0.response.json');
    expect(
      keys.filter((key) => key.startsWith('anthropic/vercel-ai/anthropic-programmatic-tool-calling.1.chunks.txt#')),
    ).toHaveLength(15);
    expect(expectations['anthropic/pydantic-ai/test_anthropic_cache_real_api.1.response.json']).toMatchObject({
      id: 'msg_01KPaKTJSqAKoZri7Ujrny58',
      usage: {
        promptTokens: 1532,
        completionTokens: 33,
        totalTokens: 1565,
        cachedPromptTokens: 1111,
        cacheCreationTokens: 418,
      },
      finishReason: 'stop',
      rawFinishReason: 'end_turn',
    });
  });
});
