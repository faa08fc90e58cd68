import { describe, expect, it } from 'vitest';
import type { CompletionRequest } from './completion-request.js';
import { CompletionError } from './errors/completion-error.js';
import { Message } from './message.js';
import { validateCompletionRequest } from './validate-completion-request.js';
import { requestError } from './test-utils/request-error.js';

const tool = (name: string) => ({ name, description: name, parameters: { type: 'object' } });

function request(overrides: Partial<CompletionRequest>): CompletionRequest {
  return { chatHistory: [Message.user('hi')], documents: [], tools: [], ...overrides };
}

const errorOf = (value: CompletionRequest) => requestError(() => validateCompletionRequest(value));

const cases: [string, CompletionRequest, string, string][] = [
  [
    'an empty history',
    request({ chatHistory: [] as never }),
    'chatHistory is empty: a request needs a prompt',
    'chatHistory',
  ],
  [
    'an empty prompt',
    request({ chatHistory: [Message.user('')] }),
    'prompt is empty (chatHistory[0] has no text)',
    'chatHistory[0].content',
  ],
  [
    'a blank prompt after history',
    request({ chatHistory: [Message.user('a'), Message.assistant('b'), Message.user('  \n')] }),
    'prompt is empty (chatHistory[2] has no text)',
    'chatHistory[2].content',
  ],
  [
    'a message with no content',
    request({
      chatHistory: [
        Message.user('a'),
        Message.assistant('b'),
        Message.user('c'),
        { role: 'assistant', content: [] as never },
        Message.user('d'),
      ],
    }),
    'chatHistory[3].content is empty',
    'chatHistory[3].content',
  ],
  [
    'a tool result with no content',
    request({
      chatHistory: [{ role: 'user', content: [{ type: 'tool-result', id: 'call_9', content: [] as never }] }],
    }),
    'chatHistory[0].content[0].content is empty (tool result for call "call_9")',
    'chatHistory[0].content[0].content',
  ],
  [
    'an unknown role',
    request({ chatHistory: [{ role: 'system', content: [{ type: 'text', text: 'x' }] } as never] }),
    'chatHistory[0].role must be "user" or "assistant" (got "system")',
    'chatHistory[0].role',
  ],
  [
    'a content type of the wrong role',
    request({
      chatHistory: [
        Message.user('a'),
        { role: 'assistant', content: [{ type: 'image', source: { type: 'url', url: 'x' } }] } as never,
        Message.user('b'),
      ],
    }),
    'chatHistory[1].content[0].type "image" is not a valid assistant content type',
    'chatHistory[1].content[0].type',
  ],
  [
    'a specific tool choice naming an undeclared tool',
    request({ tools: [tool('weather'), tool('time')], toolChoice: { type: 'specific', functionNames: ['search'] } }),
    'toolChoice names "search", which is not a declared tool (declared: weather, time)',
    'toolChoice.functionNames',
  ],
  [
    'a specific tool choice without tools',
    request({ toolChoice: { type: 'specific', functionNames: ['search'] } }),
    'toolChoice names "search", which is not a declared tool (declared: none)',
    'toolChoice.functionNames',
  ],
  [
    'a required tool choice with no tools',
    request({ toolChoice: 'required' }),
    'toolChoice is "required" but no tools are declared',
    'toolChoice',
  ],
  [
    'a tool declared twice',
    request({ tools: [tool('a'), tool('a')] }),
    'tools[1].name "a" is declared twice',
    'tools[1].name',
  ],
  ['a tool without a name', request({ tools: [tool('')] }), 'tools[0].name is empty', 'tools[0].name'],
  [
    'a NaN temperature',
    request({ temperature: Number.NaN }),
    'temperature must be a finite number (got NaN)',
    'temperature',
  ],
  [
    'an infinite temperature',
    request({ temperature: Number.POSITIVE_INFINITY }),
    'temperature must be a finite number (got Infinity)',
    'temperature',
  ],
  ['max tokens of zero', request({ maxTokens: 0 }), 'maxTokens must be an integer of at least 1 (got 0)', 'maxTokens'],
  [
    'fractional max tokens',
    request({ maxTokens: 1.5 }),
    'maxTokens must be an integer of at least 1 (got 1.5)',
    'maxTokens',
  ],
  [
    'a request without a tools array',
    { chatHistory: [Message.user('hi')], documents: [] } as never,
    'tools must be an array of tool definitions (`[]` for none)',
    'tools',
  ],
  [
    'tools that are an object',
    request({ tools: { name: 'a' } as never }),
    'tools must be an array of tool definitions (`[]` for none)',
    'tools',
  ],
  [
    'a request without a documents array',
    { chatHistory: [Message.user('hi')], tools: [] } as never,
    'documents must be an array of documents (`[]` for none)',
    'documents',
  ],
  [
    'additionalParams that are an array',
    request({ additionalParams: [1] as never }),
    'additionalParams must be an object',
    'additionalParams',
  ],
  [
    'providerOptions that are a string',
    request({ providerOptions: 'x' as never }),
    'providerOptions must be an object',
    'providerOptions',
  ],
  [
    'a null tool choice',
    request({ toolChoice: null as never }),
    'toolChoice must be "auto", "none", "required" or { functionNames: [...] }',
    'toolChoice',
  ],
  [
    'a tool choice without names',
    request({ toolChoice: { type: 'specific' } as never }),
    'toolChoice must be "auto", "none", "required" or { functionNames: [...] }',
    'toolChoice',
  ],
];

describe('validateCompletionRequest', () => {
  it.each(cases)('rejects %s', (_name, value, message, path) => {
    const error = errorOf(value);
    expect(error.kind).toBe('request');
    expect(error.message).toBe(message);
    expect(error).toMatchObject({ path, isRetryable: false, name: 'CompletionError.Request' });
  });

  it.each([
    ['null', null, 'a completion request must be an object (got null)'],
    ['undefined', undefined, 'a completion request must be an object (got undefined)'],
    ['a string', 'hello', 'a completion request must be an object (got string)'],
    ['an array', [Message.user('hi')], 'a completion request must be an object (got an array)'],
  ])('rejects %s as the request, with a request error and no path', (_name, value, message) => {
    const error = errorOf(value as never);
    expect(error).toMatchObject({ name: 'CompletionError.Request', kind: 'request', message, isRetryable: false });
    expect((error as { path?: string }).path).toBeUndefined();
  });

  it('turns a request that throws while it is read (a getter, a Proxy) into a request error keeping the cause', () => {
    const thrown = new Error('no access');
    const withGetter = request({});
    Object.defineProperty(withGetter, 'tools', {
      get() {
        throw thrown;
      },
    });
    const error = errorOf(withGetter);
    expect(error).toMatchObject({
      name: 'CompletionError.Request',
      kind: 'request',
      message: 'the request cannot be read: no access',
    });
    expect(error.cause).toBe(thrown);

    const trap = new TypeError('revoked');
    const proxy = new Proxy(request({}), {
      get() {
        throw trap;
      },
    });
    expect(errorOf(proxy)).toMatchObject({
      kind: 'request',
      message: 'the request cannot be read: revoked',
      cause: trap,
    });

    const badText = request({ chatHistory: [{ role: 'user', content: [{ type: 'text', text: 42 }] } as never] });
    expect(errorOf(badText)).toMatchObject({
      kind: 'request',
      message: 'the request cannot be read: block.text.trim is not a function',
    });
  });

  it('accepts a full valid request', () => {
    expect(() =>
      validateCompletionRequest(
        request({
          chatHistory: [Message.user('a'), Message.assistant('b'), Message.toolResult('1', 'r')],
          tools: [tool('weather')],
          toolChoice: 'required',
          temperature: 0,
          maxTokens: 1,
        }),
      ),
    ).not.toThrow();
  });

  it('accepts a tool-result-only or image-only prompt', () => {
    expect(() => validateCompletionRequest(request({ chatHistory: [Message.toolResult('1', 'r')] }))).not.toThrow();
    expect(() =>
      validateCompletionRequest(
        request({
          chatHistory: [
            { role: 'user', content: [{ type: 'image', source: { type: 'url', url: 'https://x.test/a.png' } }] },
          ],
        }),
      ),
    ).not.toThrow();
  });
});
