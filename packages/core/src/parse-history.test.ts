import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AssistantContent } from './assistant-content.js';
import { CompletionError } from './errors/completion-error.js';
import { Message } from './message.js';
import { parseHistory, parseMessage, stringifyHistory } from './parse-history.js';
import { UserContent } from './user-content.js';
import { requestError } from './test-utils/request-error.js';

const history: Message[] = [
  Message.user([
    UserContent.text('What is this?'),
    UserContent.imageUrl('https://img.test/a.png', { detail: 'low' }),
    UserContent.documentBase64('JVBER', 'application/pdf', 'a.pdf'),
  ]),
  Message.assistant(
    [
      {
        type: 'reasoning',
        id: 'rs_1',
        content: [
          { type: 'summary', text: 'look' },
          { type: 'encrypted', data: 'gAAA' },
          { type: 'text', text: 't', signature: 's' },
          { type: 'redacted', data: 'r' },
        ],
      },
      {
        type: 'text',
        text: 'Checking',
        providerMetadata: { openai: { itemId: 'msg_1', annotations: [{ url: 'https://x.test' }] } },
      },
      {
        ...AssistantContent.toolCall('fc_1', 'describe', { detail: 'high', nested: [1, { a: null }] }, 'call_1'),
        signature: 'sig',
      },
      { ...AssistantContent.toolCall('fc_2', 'describe', {}), unparseableArguments: '{"detail": high}' },
    ],
    'msg_1',
  ),
  Message.toolResult(
    'fc_1',
    [
      { type: 'json', value: { animal: 'cat' } },
      { type: 'image', source: { type: 'base64', data: 'AA' }, mediaType: 'image/png' },
    ],
    { callId: 'call_1', name: 'describe', isError: false },
  ),
  Message.user([
    { type: 'text', text: 'thanks', providerOptions: { anthropic: { cacheControl: { type: 'ephemeral' } } } },
  ]),
];

describe('parseHistory', () => {
  it('returns an equal, fresh copy of a valid history, from a value or from JSON text', () => {
    const parsed = parseHistory(JSON.parse(JSON.stringify(history)));
    expect(parsed).toEqual(history);
    expect(parseHistory(JSON.stringify(history))).toEqual(history);
    expect(parsed[0]).not.toBe(history[0]);
  });

  it('round-trips raw bytes through stringifyHistory as base64', () => {
    const withBytes = [Message.user([UserContent.imageBytes(new Uint8Array([104, 105]), 'image/png')])];
    expect(parseHistory(stringifyHistory(withBytes))).toEqual([
      Message.user([UserContent.imageBase64('aGk=', 'image/png')]),
    ]);
  });

  it.each([
    ['not an array', { role: 'user' }, 'history must be an array of messages', 'history'],
    ['invalid JSON text', '[{', 'history is not valid JSON', 'history'],
    [
      'a bad role',
      [{ role: 'system', content: [{ type: 'text', text: 'x' }] }],
      'history[0].role must be one of "user", "assistant"',
      'history[0].role',
    ],
    ['empty content', [{ role: 'user', content: [] }], 'history[0].content is empty', 'history[0].content'],
    [
      'an unknown block type',
      [
        Message.user('a'),
        {
          role: 'user',
          content: [
            { type: 'text', text: 'x' },
            { type: 'html', html: '<b>' },
          ],
        },
      ],
      'history[1].content[1].type must be one of "text", "tool-result", "image", "audio", "document", "video"',
      'history[1].content[1].type',
    ],
    [
      'a number as text',
      [{ role: 'user', content: [{ type: 'text', text: 42 }] }],
      'history[0].content[0].text must be a string',
      'history[0].content[0].text',
    ],
    [
      'a bytes source from JSON',
      [{ role: 'user', content: [{ type: 'image', source: { type: 'bytes', data: {} } }] }],
      'history[0].content[0].source.type must be one of "base64", "url", "file-id", "text"',
      'history[0].content[0].source.type',
    ],
    [
      'a __proto__ key',
      JSON.parse('[{"role":"user","content":[{"type":"text","text":"x","__proto__":{"polluted":true}}]}]'),
      'history[0].content[0] has a forbidden key "__proto__"',
      'history[0].content[0]',
    ],
    [
      'a constructor key deep in tool arguments',
      [
        {
          role: 'assistant',
          content: [
            {
              type: 'tool-call',
              id: '1',
              function: { name: 'f', arguments: { a: { constructor: { prototype: {} } } } },
            },
          ],
        },
      ],
      'history[0].content[0].function.arguments.a has a forbidden key "constructor"',
      'history[0].content[0].function.arguments.a',
    ],
    [
      'a tool result without content',
      [{ role: 'user', content: [{ type: 'tool-result', id: '1', content: [] }] }],
      'history[0].content[0].content is empty',
      'history[0].content[0].content',
    ],
    [
      'a non-boolean isError',
      [
        {
          role: 'user',
          content: [{ type: 'tool-result', id: '1', content: [{ type: 'text', text: 'x' }], isError: 'yes' }],
        },
      ],
      'history[0].content[0].isError must be a boolean',
      'history[0].content[0].isError',
    ],
  ])('rejects %s naming the path', (_name, value, message, path) => {
    const error = requestError(() => parseHistory(value));
    expect(error.message).toBe(message);
    expect(error).toMatchObject({ path });
  });

  it('does not pollute Object.prototype', () => {
    expect(() =>
      parseHistory(JSON.parse('[{"role":"user","content":[{"type":"text","text":"x"}],"__proto__":{"polluted":1}}]')),
    ).toThrow('forbidden key');
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('refuses huge strings, deep nesting and too many messages', () => {
    expect(requestError(() => parseHistory([Message.user('x'.repeat(101))], { maxStringLength: 100 })).message).toBe(
      'history[0].content[0].text is longer than 100 characters',
    );
    let deep: unknown = 1;
    for (let level = 0; level < 200; level++) deep = [deep];
    expect(
      requestError(() =>
        parseHistory([
          { role: 'assistant', content: [{ type: 'tool-call', id: '1', function: { name: 'f', arguments: deep } }] },
        ]),
      ).message,
    ).toMatch(/^history\[0\]\.content\[0\]\.function\.arguments(\[0\])+ nests deeper than 64 levels$/);
    expect(requestError(() => parseHistory([Message.user('a'), Message.user('b')], { maxMessages: 1 })).message).toBe(
      'history holds more than 1 messages',
    );
  });

  it('refuses a huge key in a free-form value, as it refuses a huge string', () => {
    const args = { ['k'.repeat(101)]: 1 };
    const error = requestError(() =>
      parseHistory(
        [
          {
            role: 'assistant',
            content: [{ type: 'tool-call', id: '1', function: { name: 'f', arguments: { nested: args } } }],
          },
        ],
        { maxStringLength: 100 },
      ),
    );
    expect(error.message).toBe('history[0].content[0].function.arguments.nested has a key longer than 100 characters');
    expect(error).toMatchObject({ path: 'history[0].content[0].function.arguments.nested' });
  });

  it('parses one message with its own path', () => {
    expect(parseMessage(JSON.parse(JSON.stringify(Message.user('hi'))), 'body.message')).toEqual(Message.user('hi'));
    expect(requestError(() => parseMessage({ role: 'user' }, 'body.message')).message).toBe(
      'body.message.content must be an array',
    );
  });

  it('refuses input that is not JSON data (a throwing getter, a Proxy, a revoked Proxy) with a request error, never a raw TypeError', () => {
    const thrown = new Error('getter says no');
    const withGetter = JSON.parse(JSON.stringify(history)) as { [key: string]: unknown }[];
    Object.defineProperty(withGetter[0]!, 'content', {
      enumerable: true,
      get() {
        throw thrown;
      },
    });
    const error = requestError(() => parseHistory(withGetter));
    expect(error).toMatchObject({
      name: 'CompletionError.Request',
      message: 'history is not JSON data: reading it threw Error: getter says no',
      path: 'history',
    });
    expect(error.cause).toBe(thrown);

    const trapping = new Proxy(
      {},
      {
        ownKeys() {
          throw new TypeError('ownKeys trap');
        },
      },
    );
    const message = {
      role: 'assistant',
      content: [{ type: 'tool-call', id: 'c', function: { name: 'f', arguments: trapping } }],
    };
    expect(requestError(() => parseHistory([message])).message).toBe(
      'history is not JSON data: reading it threw TypeError: ownKeys trap',
    );
    expect(requestError(() => parseMessage(message, 'body.message'))).toMatchObject({
      message: 'body.message is not JSON data: reading it threw TypeError: ownKeys trap',
      path: 'body.message',
    });

    const revoked = Proxy.revocable([], {});
    revoked.revoke();
    expect(requestError(() => parseHistory(revoked.proxy)).message).toMatch(
      /^history is not JSON data: reading it threw TypeError: /,
    );
  });

  it('never throws anything but a request error on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        try {
          parseHistory(value);
        } catch (error) {
          expect(CompletionError.isInstance(error) && error.kind === 'request').toBe(true);
        }
      }),
      { numRuns: 2000, seed: 11 },
    );
  });
});
