import {
  AssistantContent,
  Message,
  UserContent,
  type AssistantMessage,
  type Document,
  type UserMessage,
} from '@rig-ts/core';
import { readJsonFixture } from '@rig-ts/fixtures';
import { describe, expect, it } from 'vitest';
import { convertToAnthropicMessages } from './convert-to-anthropic-messages.js';
import { parseAnthropicResponse } from './parse-anthropic-response.js';
import { requestError } from '@rig-ts/provider-tests';

const cache = { anthropic: { cacheControl: { type: 'ephemeral' } } } as const;

function user(...content: UserContent[]): UserMessage {
  return Message.user(content as unknown as UserMessage['content']);
}

function assistant(...content: AssistantContent[]): AssistantMessage {
  return Message.assistant(content as unknown as AssistantMessage['content']);
}

function convertUser(...content: UserContent[]) {
  return convertToAnthropicMessages({ chatHistory: [user(...content)] }).messages;
}

describe('convertToAnthropicMessages', () => {
  it('sends the preamble as a top-level system string, or as a cached text block', () => {
    expect(convertToAnthropicMessages({ preamble: 'Be brief.', chatHistory: [Message.user('hi')] })).toEqual({
      system: 'Be brief.',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
      warnings: [],
    });
    expect(
      convertToAnthropicMessages({
        preamble: 'Be brief.',
        systemCacheControl: { type: 'ephemeral', ttl: '1h' },
        chatHistory: [Message.user('hi')],
      }).system,
    ).toEqual([{ type: 'text', text: 'Be brief.', cache_control: { type: 'ephemeral', ttl: '1h' } }]);
    expect(convertToAnthropicMessages({ preamble: '', chatHistory: [Message.user('hi')] }).system).toBeUndefined();
  });

  it('puts context documents first, as one user message of citable-shape text documents', () => {
    const documents: Document[] = [
      { id: 'doc1', text: 'Rust is fast.' },
      { id: 'doc2', text: 'TypeScript is typed.', additionalProps: { source: 'handbook' } },
    ];
    expect(convertToAnthropicMessages({ documents, chatHistory: [Message.user('Compare them.')] }).messages).toEqual([
      {
        role: 'user',
        content: [
          {
            type: 'document',
            source: { type: 'text', media_type: 'text/plain', data: '<file id: doc1>\nRust is fast.\n</file>\n' },
          },
          {
            type: 'document',
            source: {
              type: 'text',
              media_type: 'text/plain',
              data: '<file id: doc2>\n<metadata source: "handbook" />\nTypeScript is typed.\n</file>\n',
            },
          },
        ],
      },
      { role: 'user', content: [{ type: 'text', text: 'Compare them.' }] },
    ]);
  });

  describe('user content', () => {
    it('text, with a cache breakpoint; empty text is skipped', () => {
      expect(
        convertUser({ type: 'text', text: '' }, { type: 'text', text: 'long context', providerOptions: cache }),
      ).toEqual([
        { role: 'user', content: [{ type: 'text', text: 'long context', cache_control: { type: 'ephemeral' } }] },
      ]);
    });

    it('images from base64, bytes, URLs and file ids', () => {
      expect(
        convertUser(
          UserContent.imageBase64('iVBORw0KGgo=', 'image/png'),
          UserContent.imageBytes(Uint8Array.of(0xff, 0xd8, 0xff), 'image/jpeg'),
          UserContent.imageUrl('https://example.com/cat.webp'),
          { type: 'image', source: { type: 'file-id', fileId: 'file_011' }, providerOptions: cache },
        ),
      ).toEqual([
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
            { type: 'image', source: { type: 'base64', media_type: 'image/jpeg', data: '/9j/' } },
            { type: 'image', source: { type: 'url', url: 'https://example.com/cat.webp' } },
            { type: 'image', source: { type: 'file', file_id: 'file_011' }, cache_control: { type: 'ephemeral' } },
          ],
        },
      ]);
    });

    it('refuses inline images without a media type, and text images', () => {
      const missing = requestError(() =>
        convertUser({ type: 'image', source: { type: 'base64', data: 'iVBORw0KGgo=' } }),
      );
      expect(missing).toMatchObject({
        kind: 'request',
        path: 'chatHistory[0].content[0].mediaType',
        message: 'chatHistory[0].content[0].mediaType is required for inline images',
      });
      const text = requestError(() => convertUser({ type: 'image', source: { type: 'text', text: 'x' } }));
      expect(text).toMatchObject({
        kind: 'request',
        message: 'chatHistory[0].content[0]: an image cannot have a text source',
      });
    });

    it('documents: PDFs, plain text (decoded when inline), URLs and file ids, with title, context, citations and cache', () => {
      expect(
        convertUser(
          UserContent.documentBase64('JVBERi0xLjQK', 'application/pdf', 'report.pdf'),
          {
            type: 'document',
            source: { type: 'bytes', data: Uint8Array.of(0x25, 0x50, 0x44, 0x46) },
            mediaType: 'application/pdf',
          },
          {
            ...UserContent.documentText('The grass is green.'),
            providerOptions: { anthropic: { citations: true, title: 'Facts', context: 'Trusted' } },
          },
          UserContent.documentBase64(Buffer.from('# Notes\nhé', 'utf8').toString('base64'), 'text/markdown'),
          {
            type: 'document',
            source: { type: 'bytes', data: new TextEncoder().encode('plain') },
            mediaType: 'text/plain',
          },
          UserContent.documentUrl('https://example.com/paper.pdf'),
          { ...UserContent.documentFileId('file_pdf'), providerOptions: cache },
        ),
      ).toEqual([
        {
          role: 'user',
          content: [
            {
              type: 'document',
              source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0xLjQK' },
              title: 'report.pdf',
            },
            { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERg==' } },
            {
              type: 'document',
              source: { type: 'text', media_type: 'text/plain', data: 'The grass is green.' },
              title: 'Facts',
              context: 'Trusted',
              citations: { enabled: true },
            },
            { type: 'document', source: { type: 'text', media_type: 'text/plain', data: '# Notes\nhé' } },
            { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'plain' } },
            { type: 'document', source: { type: 'url', url: 'https://example.com/paper.pdf' } },
            { type: 'document', source: { type: 'file', file_id: 'file_pdf' }, cache_control: { type: 'ephemeral' } },
          ],
        },
      ]);
    });

    it('refuses documents Anthropic cannot read', () => {
      const docx = requestError(() =>
        convertUser(
          UserContent.documentBase64(
            'UEsDBA==',
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          ),
        ),
      );
      expect(docx).toMatchObject({ kind: 'request', path: 'chatHistory[0].content[0].mediaType' });
      expect(docx.message).toBe(
        'chatHistory[0].content[0]: Anthropic takes PDF and plain-text documents, not application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      const untyped = requestError(() =>
        convertUser({ type: 'document', source: { type: 'base64', data: 'JVBERi0=' } }),
      );
      expect(untyped.message).toBe(
        'chatHistory[0].content[0]: Anthropic takes PDF and plain-text documents, not documents without a mediaType',
      );
    });

    it.each([
      ['audio', UserContent.audioBase64('UklGRg==', 'audio/wav')],
      ['video', UserContent.videoUrl('https://example.com/clip.mp4', 'video/mp4')],
    ] as const)('refuses %s', (kind, block) => {
      const error = requestError(() =>
        convertToAnthropicMessages({ chatHistory: [Message.user('hi'), user({ type: 'text', text: 'look' }, block)] }),
      );
      expect(error).toMatchObject({ kind: 'request', path: 'chatHistory[1].content[1].type', isRetryable: false });
      expect(error.message).toBe(`chatHistory[1].content[1]: Anthropic does not accept ${kind} content`);
    });

    it('tool results: one text or JSON part as a string, several parts or images as blocks, is_error, cache', () => {
      expect(
        convertToAnthropicMessages({
          chatHistory: [
            Message.toolResult('toolu_1', 'Mexico'),
            Message.toolResult('toolu_2', [{ type: 'json', value: { temperature: 21, unit: 'C' } }], {
              isError: false,
            }),
            Message.toolResult('toolu_3', 'city not found', { isError: true }),
            Message.toolResult('toolu_4', [
              { type: 'text', text: 'Chart:' },
              { type: 'image', source: { type: 'base64', data: 'iVBORw0KGgo=' }, mediaType: 'image/png' },
              { type: 'json', value: [1, 2] },
            ]),
            user({
              type: 'tool-result',
              id: 'toolu_5',
              content: [{ type: 'text', text: 'ok' }],
              providerOptions: cache,
            }),
          ],
        }).messages,
      ).toEqual([
        {
          role: 'user',
          content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'Mexico', is_error: false }],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'toolu_2', content: '{"temperature":21,"unit":"C"}', is_error: false },
          ],
        },
        {
          role: 'user',
          content: [{ type: 'tool_result', tool_use_id: 'toolu_3', content: 'city not found', is_error: true }],
        },
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: 'toolu_4',
              content: [
                { type: 'text', text: 'Chart:' },
                { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
                { type: 'text', text: '[1,2]' },
              ],
              is_error: false,
            },
          ],
        },
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: 'toolu_5',
              content: 'ok',
              is_error: false,
              cache_control: { type: 'ephemeral' },
            },
          ],
        },
      ]);
    });
  });

  describe('assistant content', () => {
    it('text with restored citations and raw server-tool blocks; empty text skipped', () => {
      const citation = {
        type: 'char_location',
        cited_text: 'The grass is green.',
        document_index: 0,
        document_title: 'Facts',
        start_char_index: 0,
        end_char_index: 19,
      };
      const search = { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: { query: 'news' } };
      expect(
        convertToAnthropicMessages({
          chatHistory: [
            Message.user('hi'),
            assistant(
              { type: 'text', text: '', providerMetadata: { anthropic: { block: search } } },
              { type: 'text', text: '' },
              { type: 'text', text: 'The grass is green.', providerMetadata: { anthropic: { citations: [citation] } } },
              { type: 'text', text: 'Cached answer', providerOptions: cache },
            ),
          ],
        }).messages[1],
      ).toEqual({
        role: 'assistant',
        content: [
          search,
          { type: 'text', text: 'The grass is green.', citations: [citation] },
          { type: 'text', text: 'Cached answer', cache_control: { type: 'ephemeral' } },
        ],
      });
    });

    it('tool calls with object input (a JSON string is parsed, anything else is {}) and their caller', () => {
      expect(
        convertToAnthropicMessages({
          chatHistory: [
            Message.user('roll'),
            assistant(
              AssistantContent.toolCall('toolu_a', 'rollDie', { player: 'player1' }),
              AssistantContent.toolCall('toolu_b', 'rollDie', '{"player":"player2"}'),
              AssistantContent.toolCall('toolu_c', 'rollDie', 'not json'),
              AssistantContent.toolCall('toolu_d', 'rollDie', [1]),
              {
                ...AssistantContent.toolCall('toolu_e', 'rollDie', {}),
                providerMetadata: { anthropic: { caller: { type: 'code_execution_20250825', tool_id: 'srvtoolu_1' } } },
              },
            ),
          ],
        }).messages[1],
      ).toEqual({
        role: 'assistant',
        content: [
          { type: 'tool_use', id: 'toolu_a', name: 'rollDie', input: { player: 'player1' } },
          { type: 'tool_use', id: 'toolu_b', name: 'rollDie', input: { player: 'player2' } },
          { type: 'tool_use', id: 'toolu_c', name: 'rollDie', input: {} },
          { type: 'tool_use', id: 'toolu_d', name: 'rollDie', input: {} },
          {
            type: 'tool_use',
            id: 'toolu_e',
            name: 'rollDie',
            input: {},
            caller: { type: 'code_execution_20250825', tool_id: 'srvtoolu_1' },
          },
        ],
      });
    });

    it('signed and redacted thinking go back unchanged; other reasoning is left out with a warning', () => {
      const result = convertToAnthropicMessages({
        chatHistory: [
          Message.user('hi'),
          assistant(
            {
              type: 'reasoning',
              content: [
                { type: 'text', text: 'Let me think.', signature: 'EqQBCkYIBxgC' },
                { type: 'redacted', data: 'EmwKAhgB' },
              ],
            },
            {
              type: 'reasoning',
              content: [
                { type: 'text', text: 'unsigned' },
                { type: 'summary', text: 'a summary' },
                { type: 'encrypted', data: 'gAAAA' },
              ],
            },
            AssistantContent.text('Hello'),
          ),
          assistant({ type: 'reasoning', content: [{ type: 'summary', text: 'only a summary' }] }),
          Message.user('again'),
        ],
      });
      expect(result.messages).toEqual([
        { role: 'user', content: [{ type: 'text', text: 'hi' }] },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: 'Let me think.', signature: 'EqQBCkYIBxgC' },
            { type: 'redacted_thinking', data: 'EmwKAhgB' },
            { type: 'text', text: 'Hello' },
          ],
        },
        { role: 'user', content: [{ type: 'text', text: 'again' }] },
      ]);
      const details = (path: string, kind: string) => ({
        type: 'unsupported',
        feature: 'reasoning without an Anthropic signature',
        details: `${path}: ${kind} reasoning was not sent (Anthropic only takes signed thinking and redacted thinking back)`,
      });
      expect(result.warnings).toEqual([
        details('chatHistory[1].content[1]', 'text'),
        details('chatHistory[1].content[1]', 'summary'),
        details('chatHistory[1].content[1]', 'encrypted'),
        details('chatHistory[2].content[0]', 'summary'),
      ]);
    });
  });

  it('sends a redacted-thinking turn back exactly as recorded (pydantic-ai, interaction 1)', () => {
    const first = readJsonFixture('anthropic/pydantic-ai/test_anthropic_model_thinking_part_redacted.0.response.json');
    const recorded = readJsonFixture(
      'anthropic/pydantic-ai/test_anthropic_model_thinking_part_redacted.1.meta.json',
    ).request_body;
    const history = [recorded.messages[0].content[0].text, parseAnthropicResponse(first).choice, 'What was that?'].map(
      (entry) => (typeof entry === 'string' ? Message.user(entry) : Message.assistant(entry)),
    );
    expect(convertToAnthropicMessages({ chatHistory: JSON.parse(JSON.stringify(history)) })).toEqual({
      messages: recorded.messages,
      warnings: [],
    });
  });
});
