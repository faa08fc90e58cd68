import { readJsonFixture } from '@rig-ts/fixtures';
import { describe, expect, it } from 'vitest';
import { chatBodySummary, chatChunksSummary, deriveExpectations, sseDataPayloads } from './derive-expectations.js';

describe('deriveExpectations', () => {
  it('summarizes a Chat Completions body with reasoning, a tool call and cache hits', () => {
    expect(chatBodySummary(readJsonFixture('deepseek/vercel-ai/deepseek-tool-call.json'))).toMatchObject({
      id: '7a630f5b-b7e6-4878-82f8-d77db164d42b',
      model: 'deepseek-reasoner',
      text: [],
      toolCalls: [
        { id: 'call_00_9V0vrf86Pc9aelHCJMZqnJBo', name: 'weather', arguments: { location: 'San Francisco' } },
      ],
      usage: {
        promptTokens: 339,
        completionTokens: 92,
        totalTokens: 431,
        cachedPromptTokens: 320,
        reasoningTokens: 48,
      },
      finishReason: 'tool-calls',
      rawFinishReason: 'tool_calls',
    });
  });

  it('reads thinking parts, ids left empty and model_length', () => {
    expect(
      chatBodySummary({
        id: '',
        choices: [
          {
            message: {
              content: [
                {
                  type: 'thinking',
                  thinking: [
                    { type: 'text', text: 'a' },
                    { type: 'text', text: 'b' },
                  ],
                },
                { type: 'text', text: 'c' },
              ],
              tool_calls: [{ id: '', function: { name: 'f', arguments: '' } }],
            },
            finish_reason: 'model_length',
          },
        ],
      }),
    ).toEqual({
      id: undefined,
      model: undefined,
      text: ['c'],
      toolCalls: [{ id: 'call_0', name: 'f', arguments: {} }],
      reasoning: ['ab'],
      usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0 },
      finishReason: 'length',
      rawFinishReason: 'model_length',
    });
  });

  it('reports the error a stream ended with', () => {
    expect(
      chatChunksSummary([
        { id: 'a', choices: [{ delta: { content: 'x' } }] },
        { error: { message: 'boom', code: 400 } },
      ]),
    ).toEqual({ error: 'boom' });
  });

  it('reads the data lines of raw SSE, skipping comments, event lines and [DONE]', () => {
    expect(sseDataPayloads(': ping\n\nevent: error\ndata: {"error":"x"}\r\n\r\ndata: [DONE]\n\n')).toEqual([
      { error: 'x' },
    ]);
  });

  it("joins an event's data lines with a newline, whatever ends its lines, and reads an event the body ends in", () => {
    expect(sseDataPayloads('data: {"a":\r\ndata: 1}\r\n\r\ndata:{"b":2}\r\rdata: [1,\ndata:2]')).toEqual([
      { a: 1 },
      { b: 2 },
      [1, 2],
    ]);
  });

  it('leaves synthetic files and error bodies out', () => {
    const expectations = deriveExpectations(['openai-compatible', 'openrouter/pydantic-ai']);
    expect(Object.keys(expectations.chat)).toEqual([
      'openai-compatible/pydantic-ai/test_compatible_api_with_tool_calls_without_id.0.response.json',
      'openai-compatible/pydantic-ai/test_compatible_api_with_tool_calls_without_id.1.response.json',
      'openrouter/pydantic-ai/test_openrouter_stream_error.0.response.sse',
      'openrouter/pydantic-ai/test_openrouter_streaming_reasoning.0.response.sse',
    ]);
    expect(expectations.chat['openrouter/pydantic-ai/test_openrouter_stream_error.0.response.sse']).toEqual({
      error: 'Token limit reached',
    });
  });

  it('leaves legacy Completions streams (text_completion chunks) out of the Chat Completions expectations', () => {
    const expectations = deriveExpectations(['openai/vercel-ai']);
    expect(Object.keys(expectations.chat)).not.toContain('openai/vercel-ai/openai-completion-text.chunks.txt');
    expect(Object.keys(expectations.chat)).toContain('openai/vercel-ai/openai-text.chunks.txt');
  });
});
