import type { CompletionRequest } from '@rig-ts/core';
import { contractRequest, contractTool, describeStreamContracts, type MalformedCase } from '@rig-ts/provider-tests';
import { OpenAIChatModel } from './openai-chat-model.js';
import { openAITestTransport } from '../test-utils/openai-test-transport.js';

// Issue 16 on the Chat Completions wire, over a real loopback connection: the shared contract suite (where a stream
// ends, frames of the wrong shape, empty answers, tool calls cut by the token limit, additionalParams and misuse) with
// this wire's frames.

const chunk = (delta: unknown, finish: string | null = null, extra: { [key: string]: unknown } = {}) =>
  `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', model: 'gpt-4o-2024-08-06', choices: [{ index: 0, delta, finish_reason: finish }], ...extra })}\n\n`;
const usageChunk = `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', model: 'gpt-4o-2024-08-06', choices: [], usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 } })}\n\n`;
const done = 'data: [DONE]\n\n';
const answer =
  chunk({ role: 'assistant', content: '' }) +
  chunk({ content: 'Hel' }) +
  chunk({ content: 'lo' }) +
  chunk({}, 'stop') +
  usageChunk +
  done;
const body = (message: unknown, finish = 'stop', extra: { [key: string]: unknown } = {}) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  model: 'gpt-4o-2024-08-06',
  choices: [{ index: 0, message, finish_reason: finish }],
  usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
  ...extra,
});

/** Frames of the wrong shape, each sent before a whole answer. */
const malformedFrames: [string, string, string][] = [
  [
    'tool-call arguments that are a number',
    chunk({ tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'f', arguments: 5 } }] }),
    'choices[0].delta.tool_calls[0].function.arguments is not a string (got 5)',
  ],
  [
    'a tool-call index that is a string',
    chunk({ tool_calls: [{ index: '0', id: 'call_1', function: { name: 'f', arguments: '' } }] }),
    'choices[0].delta.tool_calls[0].index is not a token count (a whole number of at least 0) (got a string of 1 characters)',
  ],
  [
    'a tool-call name that is an object',
    chunk({ tool_calls: [{ index: 0, id: 'call_1', function: { name: { n: 1 }, arguments: '' } }] }),
    'choices[0].delta.tool_calls[0].function.name is not a string (got an object)',
  ],
  [
    'reasoning that is a number',
    chunk({ reasoning_content: 1 }),
    'choices[0].delta.reasoning_content is not a string (got 1)',
  ],
  ['a finish reason that is a number', chunk({}, 3 as never), 'choices[0].finish_reason is not a string (got 3)'],
];
/** Usage counts of the wrong type, in a body and in the usage chunk read at [DONE]. */
const malformedUsage: [string, unknown, string][] = [
  ['negative', -2, 'usage.completion_tokens is not a token count (a whole number of at least 0) (got -2)'],
  [
    'a string',
    '2',
    'usage.completion_tokens is not a token count (a whole number of at least 0) (got a string of 1 characters)',
  ],
  ['fractional', 2.5, 'usage.completion_tokens is not a token count (a whole number of at least 0) (got 2.5)'],
];
/** Messages of the wrong shape in a body. */
const malformedMessages: [string, unknown, string][] = [
  [
    'a content that is a number',
    { role: 'assistant', content: 42 },
    'choices[0].message.content is not a string (got 42)',
  ],
  [
    'a content that is an object',
    { role: 'assistant', content: { text: 'hi' } },
    'choices[0].message.content is not a string (got an object)',
  ],
  [
    'a text part whose text is missing',
    { role: 'assistant', content: [{ type: 'text' }] },
    'choices[0].message.content[0].text is not a string (got nothing)',
  ],
  [
    'tool-call arguments that are a number',
    {
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: 9 } }],
    },
    'choices[0].message.tool_calls[0].function.arguments is not a string (got 9)',
  ],
];
const malformed: MalformedCase[] = [
  ...malformedFrames.map(([name, frame, reason]) => ({ name, stream: frame + answer, reason })),
  ...malformedUsage.map(([name, value, reason]) => {
    const usage = { prompt_tokens: 5, completion_tokens: value, total_tokens: 7 };
    const stream = answer.replace(usageChunk, `data: ${JSON.stringify({ id: 'chatcmpl-1', choices: [], usage })}\n\n`);
    return {
      name: `a usage count that is ${name}, streamed (at [DONE]) or not`,
      body: body({ role: 'assistant', content: 'Hello' }, 'stop', { usage }),
      stream,
      sent: 'a [DONE]',
      reason,
    };
  }),
  ...malformedMessages.map(([name, message, reason]) => ({ name: `a body with ${name}`, body: body(message), reason })),
];

const withParams: CompletionRequest = {
  ...contractRequest,
  tools: [contractTool],
  maxTokens: 10,
  additionalParams: { tools: [{ type: 'web_search_preview' }], max_tokens: 20, stream: false, seed: 4 },
};
const tools = [
  {
    type: 'function',
    function: { name: 'get_weather', description: 'Weather', parameters: contractTool.parameters, strict: true },
  },
  { type: 'web_search_preview' },
];
const sentWithParams = { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }], tools, max_tokens: 20, seed: 4 };

describeStreamContracts({
  provider: 'OpenAI',
  wire: 'Chat Completions',
  end: '[DONE]',
  makeModel: (url) => {
    const transport = openAITestTransport({ baseURL: `${url}/v1`, maxRetries: 0, idleTimeoutMs: 60_000 });
    return new OpenAIChatModel('gpt-4o', { provider: 'openai', transport });
  },
  answer,
  answerBody: body({ role: 'assistant', content: 'Hello' }),
  expectedHello: {
    choice: [{ type: 'text', text: 'Hello' }],
    usage: { promptTokens: 5, completionTokens: 2, totalTokens: 7 },
    finishReason: 'stop',
    rawFinishReason: 'stop',
    id: 'chatcmpl-1',
    model: 'gpt-4o-2024-08-06',
  },
  afterEnd:
    chunk({ content: ' EXTRA' }) + 'data: {oops\n\n' + `data: ${JSON.stringify({ error: { message: 'late' } })}\n\n`,
  sent: 'a "message" frame',
  textDelta: {
    label: 'a content delta',
    path: 'choices[0].delta.content',
    optional: true,
    badDelta: (value) => {
      const bad = chunk({ content: value });
      return { stream: answer.replace(chunk({ content: 'lo' }), bad), frame: bad.slice('data: '.length, -2) };
    },
  },
  malformed,
  empty: {
    cases: [
      ['a null content', body({ role: 'assistant', content: null })],
      ['an empty content', body({ role: 'assistant', content: '' })],
      ['an empty content array', body({ role: 'assistant', content: [] })],
    ],
    stream: chunk({ role: 'assistant', content: '' }) + chunk({}, 'stop') + done,
    rawFinishReason: 'stop',
  },
  explainedEmpty: [
    { body: body({ role: 'assistant', content: null }, 'length'), finishReason: 'length', rawFinishReason: 'length' },
    {
      body: body({ role: 'assistant', content: null }, 'content_filter'),
      finishReason: 'content-filter',
      rawFinishReason: 'content_filter',
    },
  ],
  cutToolCall: {
    stream:
      chunk({ role: 'assistant', content: 'Let me check.' }) +
      chunk({
        tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '' } }],
      }) +
      chunk({ tool_calls: [{ index: 0, function: { arguments: '{"city": ' } }] }) +
      chunk({ tool_calls: [{ index: 0, function: { arguments: '"Par' } }] }) +
      chunk({}, 'length') +
      usageChunk +
      done,
    body: body(
      {
        role: 'assistant',
        content: 'Let me check.',
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city": "Par' } }],
      },
      'length',
    ),
    expected: {
      choice: [{ type: 'text', text: 'Let me check.' }],
      finishReason: 'length',
      rawFinishReason: 'length',
      warnings: [
        {
          type: 'tool-call-cut',
          message:
            'tool call "get_weather" (call_1) was cut off by the token limit: its arguments are incomplete JSON, so it was left out of the answer',
          toolCall: { id: 'call_1', name: 'get_weather', partialArguments: '{"city": "Par' },
        },
      ],
    },
  },
  invalidToolArguments: {
    body: body(
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city": "Par' } }],
      },
      'tool_calls',
    ),
    choice: [
      {
        type: 'tool-call',
        id: 'call_1',
        function: { name: 'get_weather', arguments: {} },
        unparseableArguments: '{"city": "Par',
      },
    ],
  },
  additionalParams: {
    title: 'adds hosted tools to the function tools and warns about each field it replaces, streamed or not',
    request: withParams,
    calls: ['completion', 'stream'],
    warnings: [
      { type: 'other', message: 'additionalParams.max_tokens replaced the value rig-ts built from the request' },
      { type: 'other', message: 'additionalParams.stream was ignored: rig-ts sets stream for the call it makes' },
    ],
    bodies: [sentWithParams, { ...sentWithParams, stream: true, stream_options: { include_usage: true } }],
  },
  misuse: [
    [
      'a BigInt in additionalParams',
      { ...contractRequest, additionalParams: { seed: 10n } },
      'additionalParams.seed is not JSON data: Do not know how to serialize a BigInt',
    ],
  ],
});
