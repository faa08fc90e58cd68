import { type CompletionResponse } from '@rig-ts/core';
import { StreamAccumulator } from '@rig-ts/streaming/internal';
import { describe, expect, it } from 'vitest';
import type { OllamaResponse } from './ollama-api-types.js';
import { OllamaResponseReader } from './ollama-response-reader.js';

function read(...lines: OllamaResponse[]): CompletionResponse<OllamaResponse> {
  const accumulator = new StreamAccumulator<OllamaResponse>();
  const reader = new OllamaResponseReader();
  for (const line of lines) reader.read(line, accumulator);
  expect(accumulator.ended).toBe(true);
  return accumulator.finish();
}

const done = { model: 'qwen3', done: true, done_reason: 'stop', prompt_eval_count: 20, eval_count: 40 };

// Shaped as the spec's ChatStreamEvent / ChatResponse describe `thinking`; the docs show no recorded thinking answer.
describe('OllamaResponseReader', () => {
  it('reads thinking as reasoning, then content as text', () => {
    const response = read(
      { model: 'qwen3', message: { role: 'assistant', content: '', thinking: '17 × 23 = ' }, done: false },
      { model: 'qwen3', message: { role: 'assistant', content: '', thinking: '391.' }, done: false },
      { model: 'qwen3', message: { role: 'assistant', content: '391' }, done: false },
      { ...done, message: { role: 'assistant', content: '' } },
    );
    expect(response.choice).toEqual([
      { type: 'reasoning', content: [{ type: 'text', text: '17 × 23 = 391.' }] },
      { type: 'text', text: '391' },
    ]);
    expect(response.usage).toEqual({ promptTokens: 20, completionTokens: 40, totalTokens: 60 });
    expect(response.finishReason).toBe('stop');
    expect(response.model).toBe('qwen3');
  });

  it('reads a whole answer with thinking, content and tool calls in that order', () => {
    const response = read({
      ...done,
      message: {
        role: 'assistant',
        content: 'Let me check.',
        thinking: 'Need the weather.',
        tool_calls: [
          { function: { name: 'get_temperature', arguments: { city: 'New York' } } },
          { id: 'call_7', function: { index: 1, name: 'get_conditions', arguments: '{"city":"New York"}' } },
          { function: { name: 'get_time' } },
        ],
      },
    });
    expect(response.choice).toEqual([
      { type: 'reasoning', content: [{ type: 'text', text: 'Need the weather.' }] },
      { type: 'text', text: 'Let me check.' },
      {
        type: 'tool-call',
        id: 'ollama-call-0',
        function: { name: 'get_temperature', arguments: { city: 'New York' } },
      },
      {
        type: 'tool-call',
        id: 'call_7',
        callId: 'call_7',
        function: { name: 'get_conditions', arguments: { city: 'New York' } },
      },
      { type: 'tool-call', id: 'ollama-call-2', function: { name: 'get_time', arguments: {} } },
    ]);
    expect(response.finishReason).toBe('tool-calls');
    expect(response.rawFinishReason).toBe('stop');
  });

  it('starts a new reasoning block when thinking resumes after the answer began', () => {
    expect(
      read(
        { message: { role: 'assistant', content: '', thinking: 'First.' }, done: false },
        { message: { role: 'assistant', content: 'A' }, done: false },
        { message: { role: 'assistant', content: '', thinking: 'Second.' }, done: false },
        { ...done, done_reason: 'length' },
      ).choice,
    ).toEqual([
      { type: 'reasoning', content: [{ type: 'text', text: 'First.' }] },
      { type: 'text', text: 'A' },
      { type: 'reasoning', content: [{ type: 'text', text: 'Second.' }] },
    ]);
  });

  it('turns an { error } line into a provider error', () => {
    expect(() => new OllamaResponseReader().read({ error: 'out of memory' }, new StreamAccumulator())).toThrow(
      expect.objectContaining({
        kind: 'provider',
        providerError: { message: 'out of memory' },
        message: 'Ollama reported an error: out of memory',
      }),
    );
  });

  it('keeps a tool call whose arguments are not JSON, the text as written, for an agent to answer', () => {
    const line = {
      ...done,
      message: {
        role: 'assistant' as const,
        content: '',
        tool_calls: [{ function: { name: 'f', arguments: '{"a":' } }],
      },
    };
    const accumulator = new StreamAccumulator<OllamaResponse>();
    new OllamaResponseReader().read(line, accumulator);
    expect(accumulator.finish().choice).toEqual([
      { type: 'tool-call', id: 'ollama-call-0', function: { name: 'f', arguments: {} }, unparseableArguments: '{"a":' },
    ]);
  });

  it.each([
    [null, 'null'],
    [[1], 'an array of 1 items'],
    ['text', 'a string of 4 characters'],
  ])('refuses the value %j, describing it rather than quoting it', (value, described) => {
    expect(() => new OllamaResponseReader().read(value as unknown as OllamaResponse, new StreamAccumulator())).toThrow(
      expect.objectContaining({
        kind: 'response',
        reason: 'malformed',
        message: `Ollama sent a value that is not a chat response object (got ${described})`,
      }),
    );
  });

  it.each([
    [
      'a content that is a number',
      { message: { role: 'assistant', content: 42 } },
      'message.content is not a string (got 42)',
    ],
    [
      'a content that is an object',
      { message: { role: 'assistant', content: { text: 'hi' } } },
      'message.content is not a string (got an object)',
    ],
    [
      'thinking that is an array',
      { message: { role: 'assistant', thinking: ['x'] } },
      'message.thinking is not a string (got an array of 1 items)',
    ],
    [
      'a tool name that is missing',
      { message: { role: 'assistant', tool_calls: [{ function: { arguments: {} } }] } },
      'message.tool_calls[0].function.name is not a string (got nothing)',
    ],
    [
      'arguments that are a number',
      { message: { role: 'assistant', tool_calls: [{ function: { name: 'f', arguments: 3 } }] } },
      'message.tool_calls[0].function.arguments is not an object (got 3)',
    ],
    [
      'a negative count',
      { message: { role: 'assistant', content: 'x' }, done: true, eval_count: -1 },
      'eval_count is not a token count (a whole number of at least 0) (got -1)',
    ],
    [
      'done that is a string',
      { message: { role: 'assistant', content: 'x' }, done: 'true' },
      'done is not a boolean (got a string of 4 characters)',
    ],
  ])('throws a TypeError naming the field on %s', (_name, value, message) => {
    expect(() => new OllamaResponseReader().read(value as unknown as OllamaResponse, new StreamAccumulator())).toThrow(
      new TypeError(message),
    );
  });
});
