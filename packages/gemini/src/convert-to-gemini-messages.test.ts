import { AssistantContent, CompletionError, Message, UserContent, type Message as MessageType } from '@rig-ts/core';
import { describe, expect, it } from 'vitest';
import { convertToGeminiMessages } from './convert-to-gemini-messages.js';

function userParts(...content: UserContent[]) {
  return convertToGeminiMessages(
    undefined,
    [],
    [{ role: 'user', content: content as unknown as MessageType['content'] } as MessageType],
  ).contents[0]!.parts;
}

function failure(run: () => unknown): CompletionError {
  try {
    run();
  } catch (error) {
    if (CompletionError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a CompletionError');
}

describe('convertToGeminiMessages', () => {
  it('puts the preamble in systemInstruction and maps roles to user / model', () => {
    expect(
      convertToGeminiMessages('Be brief.', [], [Message.user('Hi'), Message.assistant('Hello!'), Message.user('Bye')]),
    ).toEqual({
      systemInstruction: { role: 'user', parts: [{ text: 'Be brief.' }] },
      contents: [
        { role: 'user', parts: [{ text: 'Hi' }] },
        { role: 'model', parts: [{ text: 'Hello!' }] },
        { role: 'user', parts: [{ text: 'Bye' }] },
      ],
    });
  });

  it('sends documents as text parts of the first user turn, as Rig renders them', () => {
    const prompt = convertToGeminiMessages(
      undefined,
      [{ id: 'doc-1', text: 'Paris is in France.', additionalProps: { source: 'atlas' } }],
      [Message.user('Where is Paris?')],
    );
    expect(prompt).toEqual({
      contents: [
        {
          role: 'user',
          parts: [
            { text: '<file id: doc-1>\n<metadata source: "atlas" />\nParis is in France.\n</file>\n' },
            { text: 'Where is Paris?' },
          ],
        },
      ],
    });
  });

  it.each([
    [
      'a base64 image',
      UserContent.imageBase64('iVBORw0KGgo=', 'image/png'),
      { inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } },
    ],
    [
      'image bytes, encoded',
      UserContent.imageBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 'image/png'),
      { inlineData: { mimeType: 'image/png', data: 'iVBORw==' } },
    ],
    [
      'an image URL',
      UserContent.imageUrl('gs://bucket/cat.jpg', { mediaType: 'image/jpeg' }),
      { fileData: { mimeType: 'image/jpeg', fileUri: 'gs://bucket/cat.jpg' } },
    ],
    [
      'an image URL without a media type',
      UserContent.imageUrl('https://example.com/cat.jpg'),
      { fileData: { fileUri: 'https://example.com/cat.jpg' } },
    ],
    [
      'base64 audio',
      UserContent.audioBase64('UklGRg==', 'audio/wav'),
      { inlineData: { mimeType: 'audio/wav', data: 'UklGRg==' } },
    ],
    [
      'a video URL (YouTube)',
      UserContent.videoUrl('https://www.youtube.com/watch?v=9hE5-98ZeCg'),
      { fileData: { fileUri: 'https://www.youtube.com/watch?v=9hE5-98ZeCg' } },
    ],
    [
      'a base64 PDF',
      UserContent.documentBase64('JVBERi0=', 'application/pdf'),
      { inlineData: { mimeType: 'application/pdf', data: 'JVBERi0=' } },
    ],
    [
      'an uploaded file',
      UserContent.documentFileId('https://generativelanguage.googleapis.com/v1beta/files/abc-123', 'application/pdf'),
      {
        fileData: {
          mimeType: 'application/pdf',
          fileUri: 'https://generativelanguage.googleapis.com/v1beta/files/abc-123',
        },
      },
    ],
    ['a text document', UserContent.documentText('Plain notes.'), { text: 'Plain notes.' }],
  ])('maps %s', (_case, block, part) => {
    expect(userParts(block)).toEqual([part]);
  });

  it('refuses inline data without a media type, naming where it is', () => {
    const error = failure(() =>
      userParts(UserContent.text('Look:'), { type: 'image', source: { type: 'base64', data: 'AAAA' } }),
    );
    expect(error).toMatchObject({
      kind: 'request',
      path: 'chatHistory[0].content[1].mediaType',
      message: 'chatHistory[0].content[1] has no mediaType: Gemini needs the MIME type of inline data',
    });
  });

  it('sends tool calls with their signature, and results with the name of their call, in one turn each', () => {
    const call = {
      ...AssistantContent.toolCall('gemini-r1-0', 'get_weather', { city: 'Paris' }),
      signature: 'c2lnLTE=',
    };
    const parallel = AssistantContent.toolCall('gemini-r1-1', 'get_time', { city: 'Paris' });
    const history: MessageType[] = [
      Message.user('Weather and time in Paris?'),
      Message.assistant([call, parallel]),
      Message.toolResult('gemini-r1-0', '18°C'),
      Message.toolResult('gemini-r1-1', [{ type: 'json', value: { hour: 14, minute: 5 } }]),
    ];
    expect(convertToGeminiMessages(undefined, [], history).contents).toEqual([
      { role: 'user', parts: [{ text: 'Weather and time in Paris?' }] },
      {
        role: 'model',
        parts: [
          { functionCall: { name: 'get_weather', args: { city: 'Paris' } }, thoughtSignature: 'c2lnLTE=' },
          { functionCall: { name: 'get_time', args: { city: 'Paris' } } },
        ],
      },
      {
        role: 'user',
        parts: [
          { functionResponse: { name: 'get_weather', response: { result: '18°C' } } },
          { functionResponse: { name: 'get_time', response: { result: { hour: 14, minute: 5 } } } },
        ],
      },
    ]);
  });

  it('sends ids Gemini issued (callId) back on the call and the result, and the result name given', () => {
    const call: AssistantContent = {
      type: 'tool-call',
      id: 'fc-9',
      callId: 'fc-9',
      function: { name: 'lookup', arguments: {} },
    };
    const contents = convertToGeminiMessages(
      undefined,
      [],
      [Message.assistant([call]), Message.toolResult('fc-9', 'found', { callId: 'fc-9', name: 'lookup' })],
    ).contents;
    expect(contents).toEqual([
      { role: 'model', parts: [{ functionCall: { id: 'fc-9', name: 'lookup', args: {} } }] },
      { role: 'user', parts: [{ functionResponse: { id: 'fc-9', name: 'lookup', response: { result: 'found' } } }] },
    ]);
  });

  it('sends a failed tool under `error`, several blocks as a list, and images as function-response parts', () => {
    const history: MessageType[] = [
      Message.toolResult('a', 'city not found', { name: 'geocode', isError: true }),
      Message.toolResult(
        'b',
        [
          { type: 'text', text: 'two results' },
          { type: 'json', value: [1, 2] },
        ],
        { name: 'search' },
      ),
      Message.toolResult(
        'c',
        [
          { type: 'text', text: 'the chart' },
          { type: 'image', source: { type: 'base64', data: 'iVBORw==' }, mediaType: 'image/png' },
        ],
        { name: 'plot' },
      ),
      Message.toolResult(
        'd',
        [{ type: 'image', source: { type: 'url', url: 'gs://bucket/chart.png' }, mediaType: 'image/png' }],
        { name: 'plot' },
      ),
    ];
    expect(convertToGeminiMessages(undefined, [], history).contents).toEqual([
      {
        role: 'user',
        parts: [
          { functionResponse: { name: 'geocode', response: { error: 'city not found' } } },
          { functionResponse: { name: 'search', response: { result: ['two results', [1, 2]] } } },
          {
            functionResponse: {
              name: 'plot',
              response: { result: 'the chart' },
              parts: [{ inlineData: { mimeType: 'image/png', data: 'iVBORw==' } }],
            },
          },
          {
            functionResponse: {
              name: 'plot',
              response: {},
              parts: [{ fileData: { mimeType: 'image/png', fileUri: 'gs://bucket/chart.png' } }],
            },
          },
        ],
      },
    ]);
  });

  it('takes the name from the latest call with that id', () => {
    const contents = convertToGeminiMessages(
      undefined,
      [],
      [
        Message.assistant([AssistantContent.toolCall('call-0', 'first', {})]),
        Message.toolResult('call-0', 'one'),
        Message.assistant([AssistantContent.toolCall('call-0', 'second', {})]),
        Message.toolResult('call-0', 'two'),
      ],
    ).contents;
    expect(contents.map((content) => content.parts[0])).toEqual([
      { functionCall: { name: 'first', args: {} } },
      { functionResponse: { name: 'first', response: { result: 'one' } } },
      { functionCall: { name: 'second', args: {} } },
      { functionResponse: { name: 'second', response: { result: 'two' } } },
    ]);
  });

  it('refuses a result whose call is not in the history and that has no name', () => {
    const error = failure(() =>
      convertToGeminiMessages(undefined, [], [Message.user('Hi'), Message.toolResult('lost', 'x')]),
    );
    expect(error).toMatchObject({ kind: 'request', path: 'chatHistory[1].content[0].name' });
  });

  it('refuses tool-call arguments that are not an object', () => {
    const error = failure(() =>
      convertToGeminiMessages(undefined, [], [Message.assistant([AssistantContent.toolCall('x', 'f', '{"a":1}')])]),
    );
    expect(error).toMatchObject({
      kind: 'request',
      path: 'chatHistory[0].content[0].function.arguments',
      message: 'chatHistory[0].content[0].function.arguments must be a JSON object for Gemini',
    });
  });

  it('sends reasoning back as thought parts with their signatures, and signed text with its signature', () => {
    const history: MessageType[] = [
      Message.assistant([
        {
          type: 'reasoning',
          content: [
            { type: 'text', text: 'Thinking…', signature: 'c2lnLXI=' },
            { type: 'summary', text: 'A summary.' },
            { type: 'encrypted', data: 'opaque' },
            { type: 'redacted', data: 'hidden' },
          ],
        },
        { type: 'reasoning', content: [{ type: 'text', text: '', signature: 'c2lnLWVtcHR5' }] },
        { type: 'text', text: 'Answer.', providerMetadata: { gemini: { thoughtSignature: 'c2lnLXQ=' } } },
        { type: 'text', text: '', providerMetadata: { gemini: { thoughtSignature: 'c2lnLWxhc3Q=' } } },
        { type: 'text', text: '' },
        { type: 'text', text: 'Citation kept elsewhere.', providerMetadata: { anthropic: { citations: [] } } },
      ]),
    ];
    expect(convertToGeminiMessages(undefined, [], history).contents).toEqual([
      {
        role: 'model',
        parts: [
          { text: 'Thinking…', thought: true, thoughtSignature: 'c2lnLXI=' },
          { text: 'A summary.', thought: true },
          { text: '', thought: true, thoughtSignature: 'c2lnLWVtcHR5' },
          { text: 'Answer.', thoughtSignature: 'c2lnLXQ=' },
          { text: '', thoughtSignature: 'c2lnLWxhc3Q=' },
          { text: 'Citation kept elsewhere.' },
        ],
      },
    ]);
  });

  it('leaves out an assistant turn with nothing Gemini can read', () => {
    const contents = convertToGeminiMessages(
      undefined,
      [],
      [Message.user('Hi'), Message.assistant(''), Message.user('Still there?')],
    ).contents;
    expect(contents).toEqual([{ role: 'user', parts: [{ text: 'Hi' }, { text: 'Still there?' }] }]);
  });
});
