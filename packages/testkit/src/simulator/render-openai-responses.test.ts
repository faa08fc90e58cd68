import { chunkLines, readJsonFixture, readTextFixture } from '@rig-ts/fixtures';
import { describe, expect, it } from 'vitest';
import { simulatedAnswer } from './answer-conversation.js';
import { decodeSse, post, shapeDifferences, type WireEvent } from './test-utils/read-wire.js';
import { useSimulator } from './test-utils/use-simulator.js';

const NOW = 1_750_000_000_000;
const simulator = useSimulator({ now: () => NOW });

const weatherTool = {
  type: 'function',
  name: 'get_weather',
  description: 'The weather in a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};
const responseId = expect.stringMatching(/^resp_[0-9a-f]{50}$/);
const messageId = expect.stringMatching(/^msg_[0-9a-f]{50}$/);
const callItemId = expect.stringMatching(/^fc_[0-9a-f]{50}$/);
const reasoningId = expect.stringMatching(/^rs_[0-9a-f]{50}$/);
const callId = expect.stringMatching(/^call_[A-Za-z0-9]{24}$/);
const obfuscation = expect.stringMatching(/^[A-Za-z0-9]{1,15}$/);

function responses(body: object, headers?: { [name: string]: string }) {
  return post(`${simulator.baseURLs.openai}/responses`, body, headers);
}

/** The response object the API echoes, for a request with these fields. */
function responseObject(fields: { [key: string]: unknown }) {
  return {
    id: responseId,
    object: 'response',
    created_at: 1_750_000_000,
    status: 'completed',
    background: false,
    error: null,
    incomplete_details: null,
    instructions: null,
    max_output_tokens: null,
    max_tool_calls: null,
    model: 'gpt-4o',
    output: [],
    parallel_tool_calls: true,
    previous_response_id: null,
    prompt_cache_key: null,
    reasoning: { effort: null, summary: null },
    safety_identifier: null,
    service_tier: 'default',
    store: true,
    temperature: 1,
    text: { format: { type: 'text' }, verbosity: 'medium' },
    tool_choice: 'auto',
    tools: [],
    top_logprobs: 0,
    top_p: 1,
    truncation: 'disabled',
    usage: null,
    user: null,
    metadata: {},
    ...fields,
  };
}

/** An event without the request-specific parts of its response object (echoed tools, output items). */
function envelope(data: unknown): unknown {
  const event = data as { response?: object };
  return event.response === undefined ? event : { ...event, response: { ...event.response, tools: [], output: [] } };
}

function recordedEvents(path: string): WireEvent[] {
  return decodeSse(readTextFixture(path));
}

describe('simulator: OpenAI Responses API', () => {
  it('answers a prompt with a response object', async () => {
    const response = await responses({ model: 'gpt-4o', instructions: 'Be brief.', input: 'hello there' });
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
    const body = await response.json();
    expect(body).toEqual(
      responseObject({
        instructions: 'Be brief.',
        output: [
          {
            id: messageId,
            type: 'message',
            status: 'completed',
            content: [{ type: 'output_text', annotations: [], logprobs: [], text: simulatedAnswer('hello there') }],
            role: 'assistant',
          },
        ],
        usage: {
          input_tokens: 5,
          input_tokens_details: { cached_tokens: 0 },
          output_tokens: 20,
          output_tokens_details: { reasoning_tokens: 0 },
          total_tokens: 25,
        },
      }),
    );
    const recorded = readJsonFixture(
      'openai-responses/pydantic-ai/test_openai_responses_thinking_with_modified_history.0.response.json',
    );
    expect(shapeDifferences({ ...body, output: [] }, { ...recorded, output: [] })).toEqual([]);
    expect(shapeDifferences(body.output[0], recorded.output[1])).toEqual([]);
  });

  it('streams the whole event lifecycle with sequence numbers and no [DONE]', async () => {
    const text = await (
      await responses(
        { model: 'gpt-4o', input: [{ role: 'user', content: [{ type: 'input_text', text: 'Hi' }] }], stream: true },
        { 'x-sim-chunk-size': '40' },
      )
    ).text();
    expect(text.includes('[DONE]')).toBe(false);
    const events = decodeSse(text);
    for (const event of events) expect(event.event).toBe((event.data as { type: string }).type);
    expect(events.map((event) => (event.data as { sequence_number: number }).sequence_number)).toEqual(
      events.map((_event, index) => index),
    );
    const answer = simulatedAnswer('Hi');
    const item = { item_id: messageId, output_index: 0 };
    const message = {
      id: messageId,
      type: 'message',
      status: 'completed',
      content: [{ type: 'output_text', annotations: [], logprobs: [], text: answer }],
      role: 'assistant',
    };
    const usage = {
      input_tokens: 1,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: 18,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: 19,
    };
    expect(events.map((event) => event.data)).toEqual([
      { type: 'response.created', sequence_number: 0, response: responseObject({ status: 'in_progress' }) },
      { type: 'response.in_progress', sequence_number: 1, response: responseObject({ status: 'in_progress' }) },
      {
        type: 'response.output_item.added',
        sequence_number: 2,
        output_index: 0,
        item: { id: messageId, type: 'message', status: 'in_progress', content: [], role: 'assistant' },
      },
      {
        type: 'response.content_part.added',
        sequence_number: 3,
        ...item,
        content_index: 0,
        part: { type: 'output_text', annotations: [], logprobs: [], text: '' },
      },
      {
        type: 'response.output_text.delta',
        sequence_number: 4,
        ...item,
        content_index: 0,
        delta: answer.slice(0, 40),
        logprobs: [],
        obfuscation,
      },
      {
        type: 'response.output_text.delta',
        sequence_number: 5,
        ...item,
        content_index: 0,
        delta: answer.slice(40),
        logprobs: [],
        obfuscation,
      },
      { type: 'response.output_text.done', sequence_number: 6, ...item, content_index: 0, text: answer, logprobs: [] },
      {
        type: 'response.content_part.done',
        sequence_number: 7,
        ...item,
        content_index: 0,
        part: { type: 'output_text', annotations: [], logprobs: [], text: answer },
      },
      { type: 'response.output_item.done', sequence_number: 8, output_index: 0, item: message },
      { type: 'response.completed', sequence_number: 9, response: responseObject({ output: [message], usage }) },
    ]);
    // Every event has the shape of the same event in real recordings.
    const recorded = new Map<string, unknown>();
    for (const line of chunkLines('openai-responses/vercel-ai/openai-reasoning-encrypted-content.1.chunks.txt')) {
      const data = JSON.parse(line) as { type: string; item?: { type: string } };
      const key = data.item ? `${data.type}/${data.item.type}` : data.type;
      if (!recorded.has(key)) recorded.set(key, data);
    }
    for (const event of events.slice(2, -1)) {
      const data = event.data as { type: string; item?: { type: string } };
      const key = data.item ? `${data.type}/${data.item.type}` : data.type;
      expect({ key, differences: shapeDifferences(data, recorded.get(key)) }).toEqual({ key, differences: [] });
    }
  });

  it('calls a named tool (non-streamed and streamed), then answers from function_call_output', async () => {
    const input = [{ role: 'user', content: 'Weather in Paris? use GET_WEATHER' }];
    const first = await (await responses({ model: 'gpt-4o', input, tools: [weatherTool] })).json();
    const call = {
      id: callItemId,
      type: 'function_call',
      status: 'completed',
      arguments: '{"city":"Paris"}',
      call_id: callId,
      name: 'get_weather',
    };
    expect(first.output).toEqual([call]);
    expect(first.tools).toEqual([
      {
        type: 'function',
        description: 'The weather in a city',
        name: 'get_weather',
        parameters: weatherTool.parameters,
        strict: true,
      },
    ]);
    // The prompt (33) + the tool's name (11), description (21) and parameters JSON (77) = 142 characters → 36 tokens;
    // the call's name (11) + arguments (16) = 27 characters → 7 tokens.
    expect(first.usage).toEqual({
      input_tokens: 36,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: 7,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: 43,
    });
    const events = decodeSse(
      await (await responses({ model: 'gpt-4o', input, tools: [weatherTool], stream: true })).text(),
    );
    const item = { item_id: callItemId, output_index: 0 };
    expect(events.slice(2, -1).map((event) => event.data)).toEqual([
      {
        type: 'response.output_item.added',
        sequence_number: 2,
        output_index: 0,
        item: { ...call, status: 'in_progress', arguments: '' },
      },
      { type: 'response.function_call_arguments.delta', sequence_number: 3, ...item, delta: '{"city":', obfuscation },
      { type: 'response.function_call_arguments.delta', sequence_number: 4, ...item, delta: '"Paris"}', obfuscation },
      { type: 'response.function_call_arguments.done', sequence_number: 5, ...item, arguments: '{"city":"Paris"}' },
      { type: 'response.output_item.done', sequence_number: 6, output_index: 0, item: call },
    ]);
    const recorded = recordedEvents(
      'openai-responses/pydantic-ai/test_openai_responses_streaming_usage.0.response.sse',
    );
    for (const [index, recordedIndex] of [
      [0, 0],
      [2, 4],
      [3, 5],
      [5, 11],
      [6, 12],
      [7, 13],
    ] as const) {
      expect(shapeDifferences(envelope(events[index]!.data), envelope(recorded[recordedIndex]!.data))).toEqual([]);
    }
    const callId2 = first.output[0].call_id as string;
    const second = await (
      await responses({
        model: 'gpt-4o',
        input: [
          ...input,
          { type: 'function_call', call_id: callId2, name: 'get_weather', arguments: '{"city":"Paris"}' },
          { type: 'function_call_output', call_id: callId2, output: 'Sunny' },
        ],
        tools: [weatherTool],
      })
    ).json();
    expect(second.output[0].content[0].text).toBe('The get_weather tool returned: Sunny');
  });

  it('answers JSON valid against text.format json_schema and echoes the format', async () => {
    const schema = {
      type: 'object',
      properties: { city: { type: 'string' }, country: { type: 'string' } },
      required: ['city', 'country'],
      additionalProperties: false,
    };
    const format = { type: 'json_schema', name: 'CityLocation', schema, strict: true };
    const body = await (await responses({ model: 'gpt-4o', input: 'largest city?', text: { format } })).json();
    expect(body.output[0].content[0].text).toBe('{"city":"city","country":"country"}');
    expect(body.text).toEqual({
      format: { type: 'json_schema', description: null, name: 'CityLocation', schema, strict: true },
      verbosity: 'medium',
    });
    expect(
      shapeDifferences(
        body.text.format,
        readJsonFixture('openai-responses/pydantic-ai/test_native_output.1.response.json').text.format,
      ),
    ).toEqual([]);
  });

  it('reasoning models send a reasoning item with its summary (and encrypted content when included)', async () => {
    const body = await (
      await responses({
        model: 'gpt-5-thinking',
        input: 'hello',
        include: ['reasoning.encrypted_content'],
        reasoning: { effort: 'low', summary: 'auto' },
      })
    ).json();
    expect(body.output[0]).toEqual({
      id: reasoningId,
      type: 'reasoning',
      encrypted_content: expect.stringMatching(/^gAAAAAB[A-Za-z0-9_-]{160}=$/),
      summary: [{ type: 'summary_text', text: 'Thinking about: hello' }],
    });
    expect(body.reasoning).toEqual({ effort: 'low', summary: 'auto' });
    const recorded = readJsonFixture(
      'openai-responses/pydantic-ai/test_openai_responses_thinking_with_modified_history.0.response.json',
    );
    expect(shapeDifferences(body, recorded)).toEqual([]);
    expect(body.usage.output_tokens_details).toEqual({ reasoning_tokens: 6 });
    const plain = await (await responses({ model: 'gpt-5-thinking', input: 'hello' })).json();
    expect(plain.output[0]).toEqual({
      id: reasoningId,
      type: 'reasoning',
      summary: [{ type: 'summary_text', text: 'Thinking about: hello' }],
    });
    const events = decodeSse(
      await (
        await responses({
          model: 'gpt-5-thinking',
          input: 'hello',
          stream: true,
          include: ['reasoning.encrypted_content'],
        })
      ).text(),
    );
    const item = { item_id: reasoningId, output_index: 0, summary_index: 0 };
    expect(events.slice(2, 10).map((event) => event.data)).toEqual([
      {
        type: 'response.output_item.added',
        sequence_number: 2,
        output_index: 0,
        item: { id: reasoningId, type: 'reasoning', encrypted_content: expect.any(String), summary: [] },
      },
      {
        type: 'response.reasoning_summary_part.added',
        sequence_number: 3,
        ...item,
        part: { type: 'summary_text', text: '' },
      },
      { type: 'response.reasoning_summary_text.delta', sequence_number: 4, ...item, delta: 'Thinking', obfuscation },
      { type: 'response.reasoning_summary_text.delta', sequence_number: 5, ...item, delta: ' about:', obfuscation },
      { type: 'response.reasoning_summary_text.delta', sequence_number: 6, ...item, delta: ' hello', obfuscation },
      { type: 'response.reasoning_summary_text.done', sequence_number: 7, ...item, text: 'Thinking about: hello' },
      {
        type: 'response.reasoning_summary_part.done',
        sequence_number: 8,
        ...item,
        part: { type: 'summary_text', text: 'Thinking about: hello' },
      },
      {
        type: 'response.output_item.done',
        sequence_number: 9,
        output_index: 0,
        item: {
          id: reasoningId,
          type: 'reasoning',
          encrypted_content: expect.any(String),
          summary: [{ type: 'summary_text', text: 'Thinking about: hello' }],
        },
      },
    ]);
    expect((events[10]!.data as { output_index: number }).output_index).toBe(1);
  });

  it('max_output_tokens makes an incomplete response; the stream ends with response.incomplete', async () => {
    const body = await (await responses({ model: 'gpt-4o', input: 'hello', max_output_tokens: 2 })).json();
    expect(body.status).toBe('incomplete');
    expect(body.incomplete_details).toEqual({ reason: 'max_output_tokens' });
    expect(body.output[0].content[0].text).toBe('You said');
    const events = decodeSse(
      await (await responses({ model: 'gpt-4o', input: 'hello', max_output_tokens: 2, stream: true })).text(),
    );
    expect(events.at(-1)).toEqual({
      event: 'response.incomplete',
      data: expect.objectContaining({
        type: 'response.incomplete',
        response: expect.objectContaining({
          status: 'incomplete',
          incomplete_details: { reason: 'max_output_tokens' },
          max_output_tokens: 2,
        }),
      }),
    });
  });

  it('rejects a function_call_output without its call, and a missing input', async () => {
    const orphan = await responses({
      model: 'gpt-4o',
      input: [
        { role: 'user', content: 'x' },
        { type: 'function_call_output', call_id: 'call_9', output: 'r' },
      ],
    });
    expect(orphan.status).toBe(400);
    expect(await orphan.json()).toEqual({
      error: {
        message: 'No tool call found for function call output with call_id call_9.',
        type: 'invalid_request_error',
        param: 'input',
        code: null,
      },
    });
    const missing = await responses({ model: 'gpt-4o' });
    expect(await missing.json()).toEqual({
      error: {
        message: "Missing required parameter: 'input'.",
        type: 'invalid_request_error',
        param: 'input',
        code: null,
      },
    });
  });
});
