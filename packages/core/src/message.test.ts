import { describe, expect, it } from 'vitest';
import { AssistantContent, reasoningText } from './assistant-content.js';
import { Message, textOf } from './message.js';
import { UserContent } from './user-content.js';

describe('Message helpers', () => {
  it('builds user and assistant text messages', () => {
    expect(Message.user('hi')).toEqual({ role: 'user', content: [{ type: 'text', text: 'hi' }] });
    expect(Message.assistant('hello', 'msg_1')).toEqual({
      role: 'assistant',
      id: 'msg_1',
      content: [{ type: 'text', text: 'hello' }],
    });
    expect(Message.assistant('hello')).toEqual({ role: 'assistant', content: [{ type: 'text', text: 'hello' }] });
  });

  it('builds tool results from a string or from blocks', () => {
    expect(Message.toolResult('call_1', '42')).toEqual({
      role: 'user',
      content: [{ type: 'tool-result', id: 'call_1', content: [{ type: 'text', text: '42' }] }],
    });
    expect(
      Message.toolResult('fc_1', [{ type: 'json', value: { ok: true } }], {
        callId: 'call_1',
        name: 'lookup',
        isError: true,
      }),
    ).toEqual({
      role: 'user',
      content: [
        {
          type: 'tool-result',
          id: 'fc_1',
          callId: 'call_1',
          name: 'lookup',
          isError: true,
          content: [{ type: 'json', value: { ok: true } }],
        },
      ],
    });
  });

  it('builds user content blocks of every kind', () => {
    expect(UserContent.imageUrl('https://img.test/a.png', { detail: 'low' })).toEqual({
      type: 'image',
      source: { type: 'url', url: 'https://img.test/a.png' },
      detail: 'low',
    });
    expect(UserContent.imageBase64('AAAA', 'image/png', 'high')).toEqual({
      type: 'image',
      source: { type: 'base64', data: 'AAAA' },
      mediaType: 'image/png',
      detail: 'high',
    });
    expect(UserContent.imageBytes(new Uint8Array([1, 2]), 'image/gif')).toEqual({
      type: 'image',
      source: { type: 'bytes', data: new Uint8Array([1, 2]) },
      mediaType: 'image/gif',
    });
    expect(UserContent.audioBase64('UklG', 'audio/wav')).toEqual({
      type: 'audio',
      source: { type: 'base64', data: 'UklG' },
      mediaType: 'audio/wav',
    });
    expect(UserContent.videoUrl('https://v.test/a.mp4', 'video/mp4')).toEqual({
      type: 'video',
      source: { type: 'url', url: 'https://v.test/a.mp4' },
      mediaType: 'video/mp4',
    });
    expect(UserContent.documentBase64('JVBER', 'application/pdf', 'a.pdf')).toEqual({
      type: 'document',
      source: { type: 'base64', data: 'JVBER' },
      mediaType: 'application/pdf',
      filename: 'a.pdf',
    });
    expect(UserContent.documentUrl('https://d.test/a.pdf')).toEqual({
      type: 'document',
      source: { type: 'url', url: 'https://d.test/a.pdf' },
    });
    expect(UserContent.documentText('notes')).toEqual({
      type: 'document',
      source: { type: 'text', text: 'notes' },
      mediaType: 'text/plain',
    });
    expect(UserContent.documentFileId('file-1', 'application/pdf')).toEqual({
      type: 'document',
      source: { type: 'file-id', fileId: 'file-1' },
      mediaType: 'application/pdf',
    });
  });

  it('builds assistant content blocks', () => {
    expect(AssistantContent.toolCall('fc_1', 'add', { a: 1 }, 'call_1')).toEqual({
      type: 'tool-call',
      id: 'fc_1',
      callId: 'call_1',
      function: { name: 'add', arguments: { a: 1 } },
    });
    expect(AssistantContent.reasoning('because', 'sig')).toEqual({
      type: 'reasoning',
      content: [{ type: 'text', text: 'because', signature: 'sig' }],
    });
  });

  it('reads text out of content', () => {
    expect(
      textOf([{ type: 'text', text: 'a' }, AssistantContent.toolCall('1', 'f', {}), { type: 'text', text: 'b' }]),
    ).toBe('ab');
    expect(
      reasoningText({
        type: 'reasoning',
        content: [
          { type: 'text', text: 'one' },
          { type: 'encrypted', data: 'x' },
          { type: 'summary', text: 'two' },
        ],
      }),
    ).toBe('one\ntwo');
  });

  it('round-trips a full history through JSON', () => {
    const history: Message[] = [
      Message.user([
        { type: 'text', text: 'What is in this image?' },
        UserContent.imageUrl('https://img.test/cat.png'),
      ]),
      Message.assistant(
        [
          {
            type: 'reasoning',
            id: 'rs_1',
            content: [
              { type: 'summary', text: 'look' },
              { type: 'encrypted', data: 'gAAAA' },
            ],
          },
          {
            type: 'text',
            text: 'Let me check.',
            providerMetadata: { annotations: [{ type: 'url_citation', url: 'https://x.test' }] },
          },
          AssistantContent.toolCall('fc_1', 'describe', { detail: 'high' }, 'call_1'),
        ],
        'msg_1',
      ),
      Message.toolResult('fc_1', [{ type: 'json', value: { animal: 'cat' } }], { callId: 'call_1', name: 'describe' }),
      Message.assistant([
        {
          type: 'reasoning',
          content: [
            { type: 'text', text: 'done', signature: 'c2ln' },
            { type: 'redacted', data: 'cmVk' },
          ],
        },
        { type: 'text', text: 'A cat.' },
      ]),
    ];
    expect(JSON.parse(JSON.stringify(history))).toEqual(history);
  });
});
