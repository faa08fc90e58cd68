import type { CompletionError } from '@rig-ts/core';
import { chunksToWire } from '@rig-ts/fixtures';
import { sendSse } from '@rig-ts/fixtures/loopback';
import { contractRequest, describeStreamContracts, useLoopbackModel } from '@rig-ts/provider-tests';
import { describe, expect, it } from 'vitest';
import { Client } from './anthropic-provider.js';

// Issue 16 on the Anthropic Messages wire, over a real loopback connection: the shared contract suite (where a stream
// ends, frames of the wrong shape, empty answers, additionalParams and misuse) with this wire's frames, then what only
// this wire has (a tool call cut by max_tokens: anthropic-stream.test.ts).

const makeModel = (url: string) =>
  new Client({ apiKey: 'sk-ant-test', baseURL: `${url}/v1`, maxRetries: 0, idleTimeoutMs: 60_000 }).completionModel(
    'claude-sonnet-4-5',
  );
const wire = (...events: unknown[]) =>
  chunksToWire(
    events.map((event) => JSON.stringify(event)),
    'typed-events',
  );
const start = {
  type: 'message_start',
  message: {
    id: 'msg_1',
    type: 'message',
    role: 'assistant',
    model: 'claude-sonnet-4-5-20250929',
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage: { input_tokens: 10, output_tokens: 1 },
  },
};
const textDelta = (text: unknown) => ({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } });
const stopEvents = (stopReason: string, usage: unknown = { output_tokens: 5 }) => [
  { type: 'message_delta', delta: { stop_reason: stopReason, stop_sequence: null }, usage },
  { type: 'message_stop' },
];
const answerEvents = [
  start,
  { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
  textDelta('Hel'),
  { type: 'ping' },
  textDelta('lo'),
  { type: 'content_block_stop', index: 0 },
  ...stopEvents('end_turn'),
];
const answer = wire(...answerEvents);
const message = (
  content: unknown[],
  stopReason = 'end_turn',
  usage: unknown = { input_tokens: 10, output_tokens: 5 },
) => ({
  id: 'msg_1',
  type: 'message',
  role: 'assistant',
  model: 'claude-sonnet-4-5-20250929',
  content,
  stop_reason: stopReason,
  stop_sequence: null,
  usage,
});
/** The answer with its events from the first text block's end on replaced by `events`, then the usual stop. */
const withFrames = (...events: unknown[]) => wire(...answerEvents.slice(0, 6), ...events, ...stopEvents('end_turn'));
const toolStart = (name: unknown) => ({
  type: 'content_block_start',
  index: 1,
  content_block: { type: 'tool_use', id: 'toolu_1', name, input: {} },
});

describeStreamContracts({
  provider: 'Anthropic',
  wire: 'Anthropic',
  end: 'message_stop',
  makeModel,
  answer,
  answerBody: message([{ type: 'text', text: 'Hello' }]),
  expectedHello: {
    choice: [{ type: 'text', text: 'Hello' }],
    usage: { promptTokens: 10, completionTokens: 5, totalTokens: 15 },
    finishReason: 'stop',
    rawFinishReason: 'end_turn',
    id: 'msg_1',
  },
  afterEnd: `event: junk\ndata: {oops\n\n${wire(textDelta(' EXTRA'), { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } })}`,
  sent: 'a "content_block_delta" frame',
  textDelta: {
    label: 'a text delta',
    path: 'delta.text',
    badDelta: (value) => ({
      stream: wire(...answerEvents.map((event) => (event === answerEvents[4] ? textDelta(value) : event))),
      frame: JSON.stringify(textDelta(value)),
    }),
  },
  malformed: [
    {
      name: 'tool arguments that are an object',
      stream: withFrames(toolStart('f'), {
        type: 'content_block_delta',
        index: 1,
        delta: { type: 'input_json_delta', partial_json: { a: 1 } },
      }),
      reason: 'delta.partial_json is not a string (got an object)',
    },
    {
      name: 'a block index that is a string',
      stream: withFrames({ type: 'content_block_stop', index: '0' }),
      sent: 'a "content_block_stop" frame',
      reason: 'index is not a whole number of at least 0 (got a string of 1 characters)',
    },
    {
      name: 'a negative output token count',
      stream: withFrames(...stopEvents('end_turn', { output_tokens: -5 })),
      sent: 'a "message_delta" frame',
      reason: 'usage.output_tokens is not a token count (a whole number of at least 0) (got -5)',
    },
    {
      name: 'a tool name that is a number',
      stream: withFrames(toolStart(3)),
      sent: 'a "content_block_start" frame',
      reason: 'content_block.name is not a string (got 3)',
    },
    {
      name: 'a body with a text that is a number',
      body: message([{ type: 'text', text: 42 }]),
      reason: 'content[0].text is not a string (got 42)',
    },
    {
      name: 'a body with a text block that is a string',
      body: message(['hello']),
      reason: 'content[0] is not an object (got a string of 5 characters)',
    },
    {
      name: 'a body with an input token count that is a string',
      body: message([{ type: 'text', text: 'Hello' }], 'end_turn', { input_tokens: '10', output_tokens: 5 }),
      reason: 'usage.input_tokens is not a token count (a whole number of at least 0) (got a string of 2 characters)',
    },
  ],
  empty: {
    cases: [['`content: []`', message([])]],
    stream: wire(start, ...stopEvents('end_turn')),
    rawFinishReason: 'end_turn',
  },
  explainedEmpty: [
    { body: message([], 'max_tokens'), finishReason: 'length', rawFinishReason: 'max_tokens' },
    { body: message([], 'refusal'), finishReason: 'content-filter', rawFinishReason: 'refusal' },
  ],
  additionalParams: {
    title: 'never lets additionalParams turn a stream into a JSON call, and says so',
    request: { ...contractRequest, additionalParams: { stream: false, top_k: 3 } },
    calls: ['stream'],
    warnings: [
      { type: 'other', message: 'additionalParams.stream was ignored: rig-ts sets stream for the call it makes' },
    ],
    bodies: [
      {
        model: 'claude-sonnet-4-5',
        max_tokens: 64_000,
        messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
        stream: true,
        top_k: 3,
      },
    ],
  },
  misuse: [
    [
      'a throwing getter in additionalParams',
      {
        ...contractRequest,
        additionalParams: {
          get container(): string {
            throw new Error('no');
          },
        },
      },
      'additionalParams.container is not JSON data: no',
    ],
  ],
});

describe('Anthropic in-stream errors', () => {
  const loopback = useLoopbackModel(makeModel);

  it('keeps an in-stream error of 5 MB short in the message, without "[object Object]" for a message of the wrong shape', async () => {
    const model = await loopback.serve((_request, response, index) =>
      sendSse(
        response,
        wire(start, {
          type: 'error',
          error:
            index === 0
              ? { type: 'overloaded_error', message: 'y'.repeat(5_000_000) }
              : { type: 'overloaded_error', message: { nested: true } },
        }),
      ),
    );
    const huge = (await (
      await model.stream(contractRequest)
    ).final.catch((caught: unknown) => caught)) as CompletionError;
    expect(huge).toMatchObject({ kind: 'provider', isRetryable: true });
    expect(huge.message).toBe(
      `Anthropic reported overloaded_error: ${'y'.repeat(500 - 'Anthropic reported overloaded_error: '.length)}…`,
    );
    await expect((await model.stream(contractRequest)).final).rejects.toMatchObject({
      kind: 'provider',
      message: 'Anthropic reported overloaded_error: no message',
    });
  });
});
