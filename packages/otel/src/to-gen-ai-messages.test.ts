import { type Message, UserContent, type CompletionResponse, type FinishReason } from '@rig-ts/core';
import { describe, expect, it } from 'vitest';
import { genAiFinishReason, inputMessagesOf, outputMessagesOf, toolDefinitionsOf } from './to-gen-ai-messages.js';

describe('genAiFinishReason', () => {
  it.each<[FinishReason, string | undefined, string]>([
    ['stop', 'end_turn', 'stop'],
    ['length', 'max_tokens', 'length'],
    ['tool-calls', 'tool_use', 'tool_call'],
    ['content-filter', 'SAFETY', 'content_filter'],
    ['other', 'RECITATION', 'RECITATION'],
    ['other', undefined, 'other'],
  ])('%s (%s) → %s', (reason, raw, expected) => {
    expect(genAiFinishReason(reason, raw)).toBe(expected);
  });
});

describe('inputMessagesOf', () => {
  it('uses the provider call id where a call has two (OpenAI Responses), for calls and their results', () => {
    expect(
      inputMessagesOf(
        [],
        [
          {
            role: 'assistant',
            content: [
              { type: 'tool-call', id: 'fc_1', callId: 'call_1', function: { name: 'f', arguments: { a: 1 } } },
            ],
          },
          {
            role: 'user',
            content: [
              { type: 'tool-result', id: 'fc_1', callId: 'call_1', content: [{ type: 'json', value: { ok: true } }] },
            ],
          },
        ],
      ),
    ).toEqual([
      { role: 'assistant', parts: [{ type: 'tool_call', id: 'call_1', name: 'f', arguments: { a: 1 } }] },
      { role: 'tool', parts: [{ type: 'tool_call_response', id: 'call_1', response: { ok: true } }] },
    ]);
  });

  it('maps every kind of user content; inline bytes never appear', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(
      inputMessagesOf(
        [],
        [
          {
            role: 'user',
            content: [
              UserContent.audioBase64('UklGRg==', 'audio/wav'),
              UserContent.videoUrl('https://example.com/v.mp4', 'video/mp4'),
              UserContent.documentFileId('file-abc', 'application/pdf'),
              UserContent.documentText('plain notes'),
              UserContent.imageBytes(bytes, 'image/png'),
              {
                type: 'tool-result',
                id: 't1',
                content: [
                  { type: 'text', text: 'part one' },
                  { type: 'json', value: [1, 2] },
                  { type: 'image', source: { type: 'url', url: 'https://example.com/i.png' } },
                ],
              },
            ],
          } as Message,
        ],
      ),
    ).toEqual([
      {
        role: 'user',
        parts: [
          { type: 'blob', modality: 'audio', mime_type: 'audio/wav' },
          { type: 'uri', modality: 'video', uri: 'https://example.com/v.mp4', mime_type: 'video/mp4' },
          { type: 'file', modality: 'document', file_id: 'file-abc', mime_type: 'application/pdf' },
          { type: 'text', content: 'plain notes' },
          { type: 'blob', modality: 'image', mime_type: 'image/png' },
        ],
      },
      {
        role: 'tool',
        parts: [
          {
            type: 'tool_call_response',
            id: 't1',
            response: ['part one', [1, 2], { type: 'uri', modality: 'image', uri: 'https://example.com/i.png' }],
          },
        ],
      },
    ]);
  });
});

describe('outputMessagesOf and toolDefinitionsOf', () => {
  it('leaves out reasoning with no readable text (encrypted only)', () => {
    const response: CompletionResponse = {
      choice: [
        { type: 'reasoning', content: [{ type: 'encrypted', data: 'opaque' }] },
        { type: 'text', text: 'hi' },
      ],
      usage: { promptTokens: 1, completionTokens: 1, totalTokens: 2 },
      finishReason: 'stop',
      rawResponse: {},
    };
    expect(outputMessagesOf(response)).toEqual([
      { role: 'assistant', parts: [{ type: 'text', content: 'hi' }], finish_reason: 'stop' },
    ]);
  });

  it('keeps type, name and description of a tool, not its parameters', () => {
    expect(toolDefinitionsOf([{ name: 'f', description: 'does f' }])).toEqual([
      { type: 'function', name: 'f', description: 'does f' },
    ]);
  });
});
