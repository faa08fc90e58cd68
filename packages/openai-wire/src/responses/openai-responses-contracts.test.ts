import type { CompletionError, CompletionRequest } from '@rig-ts/core';
import { sendJson, sendSse } from '@rig-ts/fixtures/loopback';
import {
  contractRequest,
  contractTool,
  describeStreamContracts,
  useLoopbackModel,
  type MalformedCase,
} from '@rig-ts/provider-tests';
import { describe, expect, it } from 'vitest';
import { OpenAIResponsesModel } from './openai-responses-model.js';
import { openAITestTransport } from '../test-utils/openai-test-transport.js';

// Issue 16 on the Responses wire, over a real loopback connection: the shared contract suite (where a stream ends,
// frames of the wrong shape, empty answers, tool calls cut by the token limit, additionalParams and misuse) with this
// wire's events, then what only this wire has (response.incomplete and response.failed, a 5 MB frame, hosted tools).

const makeModel = (url: string) => {
  const transport = openAITestTransport({ baseURL: `${url}/v1`, maxRetries: 0, idleTimeoutMs: 60_000 });
  return new OpenAIResponsesModel('gpt-4o', { provider: 'openai', transport });
};
const usage = { input_tokens: 5, output_tokens: 2, total_tokens: 7 };
const message = (text: string) => ({
  type: 'message',
  id: 'msg_1',
  role: 'assistant',
  status: 'completed',
  content: [{ type: 'output_text', text, annotations: [] }],
});
const completedResponse = (output: unknown[], extra: { [key: string]: unknown } = {}) => ({
  id: 'resp_1',
  object: 'response',
  model: 'gpt-4o-2024-08-06',
  status: 'completed',
  output,
  usage,
  ...extra,
});
const event = (value: { type: string; [key: string]: unknown }) =>
  `event: ${value.type}\ndata: ${JSON.stringify(value)}\n\n`;
const delta = (value: unknown) =>
  event({ type: 'response.output_text.delta', item_id: 'msg_1', output_index: 0, content_index: 0, delta: value });

/** A whole Responses stream answering `Hello`. */
const answer = [
  event({ type: 'response.created', response: { id: 'resp_1', status: 'in_progress', output: [] } }),
  event({
    type: 'response.output_item.added',
    output_index: 0,
    item: { ...message(''), status: 'in_progress', content: [] },
  }),
  delta('Hel'),
  delta('lo'),
  event({ type: 'response.output_item.done', output_index: 0, item: message('Hello') }),
  event({ type: 'response.completed', response: completedResponse([message('Hello')]) }),
].join('');

/** `[name, frames, event, reason]`: frames of the wrong shape, each sent before a whole answer. */
const malformedFrames: [string, string, string, string][] = [
  [
    'a tool-call name that is a number',
    event({
      type: 'response.output_item.added',
      item: { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 7, arguments: '' },
    }),
    'response.output_item.added',
    'item.name is not a string (got 7)',
  ],
  [
    'arguments that are an object',
    event({
      type: 'response.output_item.added',
      item: { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'f', arguments: '' },
    }) + event({ type: 'response.function_call_arguments.delta', item_id: 'fc_1', delta: { a: 1 } }),
    'response.function_call_arguments.delta',
    'delta is not a string (got an object)',
  ],
  [
    'a reasoning delta that is null',
    event({ type: 'response.reasoning_summary_text.delta', item_id: 'rs_1', delta: null }),
    'response.reasoning_summary_text.delta',
    'delta is not a string (got null)',
  ],
  [
    'a negative token count',
    event({
      type: 'response.completed',
      response: completedResponse([message('Hello')], { usage: { ...usage, input_tokens: -5 } }),
    }),
    'response.completed',
    'usage.input_tokens is not a token count (a whole number of at least 0) (got -5)',
  ],
  [
    'a token count that is a string',
    event({
      type: 'response.completed',
      response: completedResponse([message('Hello')], { usage: { ...usage, output_tokens: '2' } }),
    }),
    'response.completed',
    'usage.output_tokens is not a token count (a whole number of at least 0) (got a string of 1 characters)',
  ],
  [
    'an output text that is an object',
    event({
      type: 'response.output_item.done',
      item: { ...message(''), content: [{ type: 'output_text', text: { value: 'x' } }] },
    }),
    'response.output_item.done',
    'item.content[0].text is not a string (got an object)',
  ],
];
/** `[name, fields, reason]`: fields of the wrong shape in an otherwise whole body. */
const malformedBodies: [string, { [key: string]: unknown }, string][] = [
  [
    'an output text that is a number',
    { output: [{ ...message(''), content: [{ type: 'output_text', text: 42 }] }] },
    'output[0].content[0].text is not a string (got 42)',
  ],
  ['an output that is an object', { output: { text: 'hi' } }, 'output is not an array (got an object)'],
  [
    'a usage count that is negative',
    { output: [message('Hello')], usage: { ...usage, total_tokens: -1 } },
    'usage.total_tokens is not a token count (a whole number of at least 0) (got -1)',
  ],
];
const malformed: MalformedCase[] = [
  ...malformedFrames.map(([name, frames, eventName, reason]) => ({
    name,
    stream: frames + answer,
    sent: `a "${eventName}" frame`,
    reason,
  })),
  ...malformedBodies.map(([name, fields, reason]) => ({
    name: `a body with ${name}`,
    body: { ...completedResponse([message('Hello')]), ...fields },
    reason,
  })),
];

const cutCall = {
  type: 'function_call',
  id: 'fc_1',
  call_id: 'call_1',
  name: 'get_weather',
  arguments: '{"city": "Par',
  status: 'incomplete',
};
const cutResponse = completedResponse([message('Let me check.'), cutCall], {
  status: 'incomplete',
  incomplete_details: { reason: 'max_output_tokens' },
});
const withParams: CompletionRequest = {
  ...contractRequest,
  tools: [contractTool],
  temperature: 0.2,
  additionalParams: { tools: [{ type: 'web_search' }], temperature: 1, stream: false, top_p: 0.5 },
};
const tools = [
  { type: 'function', name: 'get_weather', description: 'Weather', parameters: contractTool.parameters, strict: true },
  { type: 'web_search' },
];
const sentWithParams = { model: 'gpt-4o', input: [{ role: 'user', content: 'hi' }], tools, temperature: 1, top_p: 0.5 };

describeStreamContracts({
  provider: 'OpenAI',
  wire: 'Responses',
  end: 'response.completed',
  makeModel,
  answer,
  answerBody: completedResponse([message('Hello')]),
  expectedHello: {
    choice: [{ type: 'text', text: 'Hello', providerMetadata: { openai: { itemId: 'msg_1' } } }],
    usage: { promptTokens: 5, completionTokens: 2, totalTokens: 7 },
    finishReason: 'stop',
    rawFinishReason: 'completed',
    id: 'resp_1',
    model: 'gpt-4o-2024-08-06',
  },
  afterEnd: delta(' EXTRA') + 'data: {oops\n\n' + event({ type: 'error', code: 'server_error', message: 'late' }),
  sent: 'a "response.output_text.delta" frame',
  textDelta: {
    label: 'a text delta',
    path: 'delta',
    badDelta: (value) => {
      const frame = JSON.stringify({
        type: 'response.output_text.delta',
        item_id: 'msg_1',
        output_index: 0,
        content_index: 0,
        delta: value,
      });
      return { stream: answer.replace(delta('lo'), `event: response.output_text.delta\ndata: ${frame}\n\n`), frame };
    },
  },
  malformed,
  empty: {
    cases: [['`output: []`', completedResponse([])]],
    stream:
      event({ type: 'response.created', response: { id: 'resp_1', output: [] } }) +
      event({ type: 'response.completed', response: completedResponse([]) }),
    rawFinishReason: 'completed',
  },
  explainedEmpty: [
    {
      body: completedResponse([], { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } }),
      finishReason: 'length',
      rawFinishReason: 'max_output_tokens',
    },
  ],
  cutToolCall: {
    stream: [
      event({ type: 'response.output_item.added', output_index: 0, item: { ...message(''), content: [] } }),
      event({ type: 'response.output_text.delta', item_id: 'msg_1', delta: 'Let me check.' }),
      event({ type: 'response.output_item.done', output_index: 0, item: message('Let me check.') }),
      event({
        type: 'response.output_item.added',
        output_index: 1,
        item: { ...cutCall, arguments: '', status: 'in_progress' },
      }),
      event({ type: 'response.function_call_arguments.delta', item_id: 'fc_1', delta: '{"city": ' }),
      event({ type: 'response.function_call_arguments.delta', item_id: 'fc_1', delta: '"Par' }),
      event({ type: 'response.output_item.done', output_index: 1, item: cutCall }),
      event({ type: 'response.incomplete', response: cutResponse }),
    ].join(''),
    body: cutResponse,
    expected: {
      choice: [{ type: 'text', text: 'Let me check.', providerMetadata: { openai: { itemId: 'msg_1' } } }],
      finishReason: 'length',
      rawFinishReason: 'max_output_tokens',
      warnings: [
        {
          type: 'tool-call-cut',
          message:
            'tool call "get_weather" (fc_1) was cut off by the token limit: its arguments are incomplete JSON, so it was left out of the answer',
          toolCall: { id: 'fc_1', callId: 'call_1', name: 'get_weather', partialArguments: '{"city": "Par' },
        },
      ],
    },
  },
  invalidToolArguments: {
    body: completedResponse([{ ...cutCall, status: 'completed' }]),
    choice: [
      {
        type: 'tool-call',
        id: cutCall.id,
        callId: 'call_1',
        function: { name: 'get_weather', arguments: {} },
        unparseableArguments: cutCall.arguments,
      },
    ],
  },
  additionalParams: {
    title: 'adds hosted tools to the function tools and warns about each field it replaces, streamed or not',
    request: withParams,
    calls: ['completion', 'stream'],
    warnings: [
      { type: 'other', message: 'additionalParams.temperature replaced the value rig-ts built from the request' },
      { type: 'other', message: 'additionalParams.stream was ignored: rig-ts sets stream for the call it makes' },
    ],
    bodies: [sentWithParams, { ...sentWithParams, stream: true }],
  },
  misuse: [
    [
      'a throwing getter in additionalParams',
      {
        ...contractRequest,
        additionalParams: {
          get top_p(): number {
            throw new Error('no');
          },
        },
      },
      'additionalParams.top_p is not JSON data: no',
    ],
    [
      'a message of the wrong shape',
      { ...contractRequest, chatHistory: [{ role: 'user', content: [{ type: 'image' }] }] },
      /^the request cannot be read: /,
    ],
  ],
});

describe('Responses end events, huge frames and hosted tools', () => {
  const loopback = useLoopbackModel(makeModel);

  it('also ends at response.incomplete, and fails at once at response.failed, the connection held open', async () => {
    const incomplete = completedResponse([message('Hel')], {
      status: 'incomplete',
      incomplete_details: { reason: 'max_output_tokens' },
    });
    const failed = {
      ...completedResponse([]),
      status: 'failed',
      error: { code: 'server_error', message: 'The model crashed' },
    };
    const model = await loopback.serve((_request, response, index) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(
        index === 0
          ? delta('Hel') + event({ type: 'response.incomplete', response: incomplete })
          : event({ type: 'response.failed', response: failed }),
      );
    });
    const final = await (await model.stream(contractRequest)).final;
    expect([final.finishReason, final.rawFinishReason, final.choice]).toEqual([
      'length',
      'max_output_tokens',
      [{ type: 'text', text: 'Hel' }],
    ]);
    await expect((await model.stream(contractRequest)).final).rejects.toMatchObject({
      kind: 'provider',
      message: 'OpenAI reported an error (server_error): The model crashed',
      isRetryable: true,
    });
  });

  it('keeps the message of an error about a 5 MB frame short, and its body at 64 KiB', async () => {
    const model = await loopback.serve((_request, response) =>
      sendSse(response, delta({ text: 'x'.repeat(5_000_000) })),
    );
    const error = (await (
      await model.stream(contractRequest)
    ).final.catch((caught: unknown) => caught)) as CompletionError & { body: string };
    expect(error.message).toBe(
      'stream sent a "response.output_text.delta" frame that rig-ts cannot read: delta is not a string (got an object)',
    );
    expect(error.body.length).toBe(65_536 + '…[truncated]'.length);
  });

  it('accepts an answer holding only a hosted tool call, kept in the raw response', async () => {
    const hosted = completedResponse([{ type: 'web_search_call', id: 'ws_1', status: 'completed' }]);
    const model = await loopback.serve((_request, response) => sendJson(response, 200, hosted));
    expect((await model.completion(contractRequest)).choice).toEqual([{ type: 'text', text: '' }]);
  });
});
