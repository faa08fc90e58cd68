import { AssistantContent, CompletionError, Message, UserContent, type Message as MessageType } from '@rig-ts/core';
import { describe, expect, it } from 'vitest';
import { convertToOllamaMessages } from './convert-to-ollama-messages.js';

function failure(run: () => unknown): CompletionError {
  try {
    run();
  } catch (error) {
    if (CompletionError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a CompletionError');
}

describe('convertToOllamaMessages', () => {
  it('sends the preamble as a system message and the history by role', () => {
    expect(
      convertToOllamaMessages(
        'Be brief.',
        [],
        [
          Message.user('why is the sky blue?'),
          Message.assistant('due to rayleigh scattering.'),
          Message.user('and mie?'),
        ],
      ),
    ).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'why is the sky blue?' },
      { role: 'assistant', content: 'due to rayleigh scattering.' },
      { role: 'user', content: 'and mie?' },
    ]);
  });

  it('joins text blocks and text documents, and sends images as base64 (bytes and data URLs too)', () => {
    const message: MessageType = Message.user([
      UserContent.text('Compare these.'),
      UserContent.imageBase64('iVBORw0KGgo=', 'image/png'),
      UserContent.imageBytes(new Uint8Array([0xff, 0xd8, 0xff]), 'image/jpeg'),
      UserContent.imageUrl('data:image/gif;base64,R0lGODlh'),
      UserContent.documentText('Notes: both are cats.'),
      UserContent.documentBase64(btoa('plain text file'), 'text/plain'),
    ]);
    expect(convertToOllamaMessages(undefined, [], [message])).toEqual([
      {
        role: 'user',
        content: 'Compare these.\nNotes: both are cats.\nplain text file',
        images: ['iVBORw0KGgo=', '/9j/', 'R0lGODlh'],
      },
    ]);
  });

  it('sends documents as a user message before the history', () => {
    expect(
      convertToOllamaMessages(
        undefined,
        [
          { id: 'a', text: 'Alpha.' },
          { id: 'b', text: 'Beta.' },
        ],
        [Message.user('Summarize.')],
      ),
    ).toEqual([
      { role: 'user', content: '<file id: a>\nAlpha.\n</file>\n\n<file id: b>\nBeta.\n</file>\n' },
      { role: 'user', content: 'Summarize.' },
    ]);
  });

  it('sends tool calls with object arguments, reasoning as thinking, and results as tool messages named after their call', () => {
    const history: MessageType[] = [
      Message.user('Temperature in New York and London?'),
      Message.assistant([
        AssistantContent.reasoning('Two calls.'),
        {
          type: 'reasoning',
          content: [
            { type: 'summary', text: ' Then answer.' },
            { type: 'encrypted', data: 'opaque' },
          ],
        },
        AssistantContent.text('Checking.'),
        AssistantContent.toolCall('ollama-call-0', 'get_temperature', { city: 'New York' }),
        AssistantContent.toolCall('call_abc', 'get_temperature', { city: 'London' }, 'call_abc'),
      ]),
      Message.user([
        { type: 'tool-result', id: 'ollama-call-0', content: [{ type: 'text', text: '22°C' }] },
        {
          type: 'tool-result',
          id: 'call_abc',
          callId: 'call_abc',
          content: [
            { type: 'json', value: { celsius: 15 } },
            { type: 'text', text: 'rain later' },
          ],
        },
        UserContent.text('Which is warmer?'),
      ]),
    ];
    expect(convertToOllamaMessages(undefined, [], history)).toEqual([
      { role: 'user', content: 'Temperature in New York and London?' },
      {
        role: 'assistant',
        content: 'Checking.',
        thinking: 'Two calls. Then answer.',
        tool_calls: [
          { function: { name: 'get_temperature', arguments: { city: 'New York' } } },
          { id: 'call_abc', function: { name: 'get_temperature', arguments: { city: 'London' } } },
        ],
      },
      { role: 'tool', content: '22°C', tool_name: 'get_temperature' },
      { role: 'tool', content: '{"celsius":15}\nrain later', tool_name: 'get_temperature', tool_call_id: 'call_abc' },
      { role: 'user', content: 'Which is warmer?' },
    ]);
  });

  it('keeps the order of text before tool results, uses the result name given, and sends result images', () => {
    const message: MessageType = Message.user([
      UserContent.text('Here is what the tool said:'),
      {
        type: 'tool-result',
        id: 'x',
        name: 'plot',
        content: [{ type: 'image', source: { type: 'base64', data: 'iVBORw==' }, mediaType: 'image/png' }],
      },
    ]);
    expect(convertToOllamaMessages(undefined, [], [message])).toEqual([
      { role: 'user', content: 'Here is what the tool said:' },
      { role: 'tool', content: '', tool_name: 'plot', images: ['iVBORw=='] },
    ]);
  });

  it('sends a result without tool_name when its call is unknown (the field is optional)', () => {
    expect(convertToOllamaMessages(undefined, [], [Message.toolResult('lost', 'done')])).toEqual([
      { role: 'tool', content: 'done' },
    ]);
  });

  it.each([
    [
      'an image URL',
      UserContent.imageUrl('https://example.com/cat.png'),
      'chatHistory[0].content[0] is an image by url: Ollama takes images as base64 data only',
      'chatHistory[0].content[0].source',
    ],
    [
      'audio',
      UserContent.audioBase64('UklGRg==', 'audio/wav'),
      'chatHistory[0].content[0] is audio: Ollama takes text, images and text documents only',
      'chatHistory[0].content[0].type',
    ],
    [
      'video',
      UserContent.videoUrl('https://example.com/clip.mp4'),
      'chatHistory[0].content[0] is video: Ollama takes text, images and text documents only',
      'chatHistory[0].content[0].type',
    ],
    [
      'a PDF',
      UserContent.documentBase64('JVBERi0=', 'application/pdf'),
      'chatHistory[0].content[0] is a application/pdf document by base64: Ollama takes text documents only',
      'chatHistory[0].content[0]',
    ],
  ])('refuses %s', (_case, block, message, path) => {
    expect(failure(() => convertToOllamaMessages(undefined, [], [Message.user([block])]))).toMatchObject({
      kind: 'request',
      message,
      path,
    });
  });
});
