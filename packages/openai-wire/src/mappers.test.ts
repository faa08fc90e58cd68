import { describe, expect, it } from 'vitest';
import { convertOpenAIChatUsage } from './chat/convert-openai-chat-usage.js';
import { mapOpenAIChatFinishReason } from './chat/map-openai-chat-finish-reason.js';
import { isReasoningModel } from './is-reasoning-model.js';
import { bytesToBase64 } from '@rig-ts/core';
import { mediaSourceUrl } from './media-source-url.js';
import { convertOpenAIResponsesUsage } from './responses/convert-openai-responses-usage.js';
import { mapOpenAIResponsesFinishReason } from './responses/map-openai-responses-finish-reason.js';
import { toolResultText } from './tool-result-output.js';

describe('mapOpenAIChatFinishReason', () => {
  it.each([
    ['stop', 'stop'],
    ['eos', 'stop'],
    ['length', 'length'],
    ['max_tokens', 'length'],
    ['model_length', 'length'],
    ['tool_calls', 'tool-calls'],
    ['function_call', 'tool-calls'],
    ['content_filter', 'content-filter'],
    ['insufficient_system_resource', 'other'],
    [null, 'other'],
    [undefined, 'other'],
  ])('%s → %s', (raw, expected) => {
    expect(mapOpenAIChatFinishReason(raw)).toBe(expected);
  });
});

describe('mapOpenAIResponsesFinishReason', () => {
  it.each([
    ['completed', undefined, false, { finishReason: 'stop', rawFinishReason: 'completed' }],
    ['completed', undefined, true, { finishReason: 'content-filter', rawFinishReason: 'refusal' }],
    ['incomplete', 'max_output_tokens', false, { finishReason: 'length', rawFinishReason: 'max_output_tokens' }],
    ['incomplete', 'content_filter', false, { finishReason: 'content-filter', rawFinishReason: 'content_filter' }],
    ['incomplete', undefined, false, { finishReason: 'other', rawFinishReason: 'incomplete' }],
    ['cancelled', undefined, false, { finishReason: 'other', rawFinishReason: 'cancelled' }],
    [undefined, undefined, false, { finishReason: 'other', rawFinishReason: 'unknown' }],
  ] as const)('%s / %s / refusal %s', (status, reason, refusal, expected) => {
    expect(mapOpenAIResponsesFinishReason(status, reason, refusal)).toEqual(expected);
  });
});

describe('usage converters', () => {
  it('reads Chat Completions usage with cached and reasoning tokens', () => {
    expect(
      convertOpenAIChatUsage({
        prompt_tokens: 100,
        completion_tokens: 50,
        total_tokens: 150,
        prompt_tokens_details: { cached_tokens: 64 },
        completion_tokens_details: { reasoning_tokens: 20 },
      }),
    ).toEqual({
      promptTokens: 100,
      completionTokens: 50,
      totalTokens: 150,
      cachedPromptTokens: 64,
      reasoningTokens: 20,
    });
    expect(
      convertOpenAIChatUsage({ prompt_tokens: 10, completion_tokens: 5, total_tokens: 15, prompt_cache_hit_tokens: 8 }),
    ).toEqual({
      promptTokens: 10,
      completionTokens: 5,
      totalTokens: 15,
      cachedPromptTokens: 8,
    });
    expect(convertOpenAIChatUsage({ prompt_tokens: 10, total_tokens: 14 } as never)).toEqual({
      promptTokens: 10,
      completionTokens: 4,
      totalTokens: 14,
    });
    expect(convertOpenAIChatUsage(null)).toBeUndefined();
  });

  it('reads Responses API usage', () => {
    expect(
      convertOpenAIResponsesUsage({
        input_tokens: 865,
        input_tokens_details: { cached_tokens: 0 },
        output_tokens: 163,
        output_tokens_details: { reasoning_tokens: 128 },
        total_tokens: 1028,
      }),
    ).toEqual({
      promptTokens: 865,
      completionTokens: 163,
      totalTokens: 1028,
      cachedPromptTokens: 0,
      reasoningTokens: 128,
    });
    expect(convertOpenAIResponsesUsage({ input_tokens: 1, output_tokens: 2, total_tokens: 3 })).toEqual({
      promptTokens: 1,
      completionTokens: 2,
      totalTokens: 3,
    });
    expect(convertOpenAIResponsesUsage(undefined)).toBeUndefined();
  });
});

describe('isReasoningModel', () => {
  it.each([
    ['o1', true],
    ['o1-mini', true],
    ['o3-2025-04-16', true],
    ['o4-mini', true],
    ['gpt-5', true],
    ['gpt-5.1-codex-max', true],
    ['gpt-5-chat-latest', false],
    ['codex-mini-latest', true],
    ['openai/o3', true],
    ['gpt-4o', false],
    ['gpt-4.1-nano', false],
    ['omni-moderation', false],
  ])('%s → %s', (modelId, expected) => {
    expect(isReasoningModel(modelId)).toBe(expected);
  });
});

describe('small helpers', () => {
  it('encodes bytes as base64 without Buffer, also large ones', () => {
    expect(bytesToBase64(new Uint8Array([104, 105]))).toBe('aGk=');
    const large = new Uint8Array(100_000).map((_value, index) => index % 256);
    expect(bytesToBase64(large)).toBe(Buffer.from(large).toString('base64'));
  });

  it('builds media URLs', () => {
    expect(mediaSourceUrl({ type: 'url', url: 'https://x.test/a.png' }, undefined, 'p')).toBe('https://x.test/a.png');
    expect(mediaSourceUrl({ type: 'base64', data: 'AA' }, 'image/png', 'p')).toBe('data:image/png;base64,AA');
    expect(mediaSourceUrl({ type: 'file-id', fileId: 'f' }, undefined, 'p')).toBeUndefined();
    expect(() => mediaSourceUrl({ type: 'base64', data: 'AA' }, undefined, 'chatHistory[0].content[1]')).toThrow(
      'chatHistory[0].content[1].mediaType is required for inline data',
    );
  });

  it('flattens tool results to text unless they hold an image', () => {
    expect(
      toolResultText([
        { type: 'text', text: 'a' },
        { type: 'json', value: { b: 1 } },
      ]),
    ).toBe('a{"b":1}');
    expect(toolResultText([{ type: 'image', source: { type: 'url', url: 'u' } }])).toBeUndefined();
  });
});
