import { chunkLines, readJsonFixture, readTextFixture } from '@rig-ts/fixtures';
import { describe, expect, it } from 'vitest';
import { simulatedAnswer } from './answer-conversation.js';
import { decodeSse, post, shapeDifferences } from './test-utils/read-wire.js';
import { useSimulator } from './test-utils/use-simulator.js';

const simulator = useSimulator();

const VERSION = { 'anthropic-version': '2023-06-01', 'x-api-key': 'sim-key' };
const messageId = expect.stringMatching(/^msg_01[A-Za-z0-9]{22}$/);
const toolUseId = expect.stringMatching(/^toolu_01[A-Za-z0-9]{22}$/);
const weatherTool = {
  name: 'get_weather',
  description: 'The weather in a city',
  input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};
const usage = (input: number, output: number) => ({
  input_tokens: input,
  cache_creation_input_tokens: 0,
  cache_read_input_tokens: 0,
  cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
  output_tokens: output,
  service_tier: 'standard',
  inference_geo: 'not_available',
});

function messages(body: object, headers: { [name: string]: string } = VERSION) {
  return post(`${simulator.baseURLs.anthropic}/messages`, body, headers);
}

describe('simulator: Anthropic Messages', () => {
  it('answers a prompt with a message body and a request-id header', async () => {
    const response = await messages({
      model: 'claude-sonnet-4-5',
      max_tokens: 1024,
      system: [{ type: 'text', text: 'Be brief.' }],
      messages: [{ role: 'user', content: 'hello there' }],
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('request-id')).toMatch(/^req_011C[A-Za-z0-9]{20}$/);
    const body = await response.json();
    expect(body).toEqual({
      model: 'claude-sonnet-4-5',
      id: messageId,
      type: 'message',
      role: 'assistant',
      content: [{ type: 'text', text: simulatedAnswer('hello there') }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: usage(5, 20),
    });
    expect(
      shapeDifferences(
        body,
        readJsonFixture('anthropic/pydantic-ai/test_anthropic_native_output_decimal_strict.0.response.json'),
      ),
    ).toEqual(['$.stop_details: missing']);
  });

  it('streams message_start, the block lifecycle with a ping, message_delta and message_stop', async () => {
    const text = await (
      await messages(
        {
          model: 'claude-sonnet-4-5',
          max_tokens: 1024,
          messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
          stream: true,
        },
        { ...VERSION, 'x-sim-chunk-size': '50' },
      )
    ).text();
    expect(text.includes('[DONE]')).toBe(false);
    expect(text).toContain('event: ping\ndata: {"type": "ping"}\n\n');
    const events = decodeSse(text);
    const answer = simulatedAnswer('Hi');
    expect(events).toEqual([
      {
        event: 'message_start',
        data: {
          type: 'message_start',
          message: {
            model: 'claude-sonnet-4-5',
            id: messageId,
            type: 'message',
            role: 'assistant',
            content: [],
            stop_reason: null,
            stop_sequence: null,
            usage: usage(1, 1),
          },
        },
      },
      {
        event: 'content_block_start',
        data: { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
      },
      { event: 'ping', data: { type: 'ping' } },
      {
        event: 'content_block_delta',
        data: { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: answer.slice(0, 50) } },
      },
      {
        event: 'content_block_delta',
        data: { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: answer.slice(50) } },
      },
      { event: 'content_block_stop', data: { type: 'content_block_stop', index: 0 } },
      {
        event: 'message_delta',
        data: {
          type: 'message_delta',
          delta: { stop_reason: 'end_turn', stop_sequence: null },
          usage: { input_tokens: 1, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 18 },
        },
      },
      { event: 'message_stop', data: { type: 'message_stop' } },
    ]);
    const recorded = decodeSse(
      readTextFixture('anthropic/pydantic-ai/test_request_stream_fallback_for_high_max_tokens.0.response.sse'),
    );
    expect(recorded.map((event) => event.event)).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    for (const [index, recordedIndex] of [
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
      [5, 4],
      [6, 5],
      [7, 6],
    ] as const) {
      expect(shapeDifferences(events[index]!.data, recorded[recordedIndex]!.data)).toEqual([]);
    }
  });

  it('calls a named tool, streams its input as input_json_delta, then answers from the tool_result', async () => {
    const prompt = { role: 'user', content: 'What is the weather? Call get_weather.' };
    const first = await (
      await messages({ model: 'claude-haiku-4-5', max_tokens: 1024, messages: [prompt], tools: [weatherTool] })
    ).json();
    expect(first.content).toEqual([{ type: 'tool_use', id: toolUseId, name: 'get_weather', input: { city: 'city' } }]);
    expect(first.stop_reason).toBe('tool_use');
    expect(
      shapeDifferences(
        { ...first.content[0], input: {} },
        readJsonFixture('anthropic/vercel-ai/anthropic-tool-no-args.json').content[1],
      ),
    ).toEqual([]);
    const events = decodeSse(
      await (
        await messages({
          model: 'claude-haiku-4-5',
          max_tokens: 1024,
          messages: [prompt],
          tools: [weatherTool],
          stream: true,
        })
      ).text(),
    );
    expect(events.slice(1, -2).map((event) => event.data)).toEqual([
      {
        type: 'content_block_start',
        index: 0,
        content_block: { type: 'tool_use', id: toolUseId, name: 'get_weather', input: {} },
      },
      { type: 'ping' },
      { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '{"city":' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '"city"}' } },
      { type: 'content_block_stop', index: 0 },
    ]);
    expect((events.at(-2)!.data as { delta: unknown }).delta).toEqual({ stop_reason: 'tool_use', stop_sequence: null });
    const recorded = chunkLines('anthropic/vercel-ai/anthropic-json-tool.1.chunks.txt').map(
      (line) => JSON.parse(line) as unknown,
    );
    expect(shapeDifferences(events[1]!.data, recorded[1])).toEqual([]);
    expect(shapeDifferences(events[3]!.data, recorded[2])).toEqual([]);
    const second = await (
      await messages({
        model: 'claude-haiku-4-5',
        max_tokens: 1024,
        messages: [
          prompt,
          { role: 'assistant', content: first.content },
          {
            role: 'user',
            content: [
              { type: 'tool_result', tool_use_id: first.content[0].id, content: [{ type: 'text', text: 'Rain' }] },
            ],
          },
        ],
        tools: [weatherTool],
      })
    ).json();
    expect(second.content).toEqual([{ type: 'text', text: 'The get_weather tool returned: Rain' }]);
  });

  it('a forced tool (tool_choice tool) returns JSON input valid against its schema', async () => {
    const schema = {
      type: 'object',
      properties: { score: { type: 'number', minimum: -1, maximum: 1 }, label: { type: 'string' } },
      required: ['score', 'label'],
    };
    const body = await (
      await messages({
        model: 'claude-haiku-4-5',
        max_tokens: 1024,
        messages: [{ role: 'user', content: 'I love this product!' }],
        tools: [{ name: 'json', description: 'Respond with a JSON object.', input_schema: schema }],
        tool_choice: { type: 'tool', name: 'json' },
      })
    ).json();
    expect(body.content).toEqual([
      { type: 'tool_use', id: toolUseId, name: 'json', input: { score: 1, label: 'label' } },
    ]);
  });

  it('answers JSON valid against output_config.format', async () => {
    const schema = {
      type: 'object',
      properties: { amount: { anyOf: [{ type: 'number' }, { type: 'string' }] } },
      required: ['amount'],
      additionalProperties: false,
    };
    const body = await (
      await messages({
        model: 'claude-sonnet-4-5',
        max_tokens: 4096,
        messages: [{ role: 'user', content: [{ type: 'text', text: 'Return 12.34' }] }],
        output_config: { format: { type: 'json_schema', schema } },
      })
    ).json();
    // The number the prompt names, as the schema allows it.
    expect(body.content).toEqual([{ type: 'text', text: '{"amount":12.34}' }]);
  });

  it('thinking models send a thinking block with a signature (and signature_delta when streamed)', async () => {
    const body = await (
      await messages({ model: 'claude-think', max_tokens: 1024, messages: [{ role: 'user', content: 'hello' }] })
    ).json();
    expect(body.content).toEqual([
      {
        type: 'thinking',
        thinking: 'Thinking about: hello',
        signature: expect.stringMatching(/^Eq[A-Za-z0-9+/]{150}==$/),
      },
      { type: 'text', text: simulatedAnswer('hello') },
    ]);
    const recorded = readJsonFixture('anthropic/pydantic-ai/test_anthropic_model_thinking_part.0.response.json');
    expect(shapeDifferences(body.content, recorded.content)).toEqual([]);
    const events = decodeSse(
      await (
        await messages({
          model: 'claude-think',
          max_tokens: 1024,
          messages: [{ role: 'user', content: 'hello' }],
          stream: true,
        })
      ).text(),
    );
    expect(events.slice(1, 8).map((event) => event.data)).toEqual([
      { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } },
      { type: 'ping' },
      { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'Thinking' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: ' about:' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: ' hello' } },
      {
        type: 'content_block_delta',
        index: 0,
        delta: { type: 'signature_delta', signature: expect.stringMatching(/^Eq[A-Za-z0-9+/]{150}==$/) },
      },
      { type: 'content_block_stop', index: 0 },
    ]);
    expect(events[8]!.data).toEqual({
      type: 'content_block_start',
      index: 1,
      content_block: { type: 'text', text: '' },
    });
    const recordedStream = decodeSse(
      readTextFixture('anthropic/pydantic-ai/test_anthropic_model_thinking_part_stream.0.response.sse'),
    );
    expect(
      shapeDifferences(
        events.slice(0, 8).map((event) => event.data),
        [...recordedStream.slice(0, 4), ...recordedStream.slice(15, 19)].map((event) => event.data),
      ),
    ).toEqual([]);
  });

  it('max_tokens cuts the text and stops with max_tokens', async () => {
    const body = await (
      await messages({ model: 'claude-sonnet-4-5', max_tokens: 2, messages: [{ role: 'user', content: 'hello' }] })
    ).json();
    expect(body.content).toEqual([{ type: 'text', text: 'You said' }]);
    expect(body.stop_reason).toBe('max_tokens');
  });

  it('rejects what the real API rejects, in its error envelope', async () => {
    const cases: [object, { [name: string]: string }, string][] = [
      [
        { model: 'claude-sonnet-4-5', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] },
        { 'x-api-key': 'k' },
        'anthropic-version: header is required',
      ],
      [
        { model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: 'x' }] },
        VERSION,
        'max_tokens: Field required',
      ],
      [
        {
          model: 'claude-sonnet-4-5',
          max_tokens: 10,
          messages: [
            { role: 'user', content: 'x' },
            { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'f', input: {} }] },
            { role: 'user', content: 'no result' },
          ],
        },
        VERSION,
        'messages.1: `tool_use` ids were found without `tool_result` blocks immediately after: toolu_1. Each `tool_use` block must have a corresponding `tool_result` block in the next message.',
      ],
      [
        {
          model: 'claude-sonnet-4-5',
          max_tokens: 10,
          messages: [{ role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_9', content: 'r' }] }],
        },
        VERSION,
        'messages.0.content.0: unexpected `tool_use_id` found in `tool_result` blocks: toolu_9. Each `tool_result` block must have a corresponding `tool_use` block in the previous message.',
      ],
    ];
    for (const [body, headers, message] of cases) {
      const response = await messages(body, headers);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        type: 'error',
        error: { type: 'invalid_request_error', message },
        request_id: response.headers.get('request-id'),
      });
    }
  });
});
