import { chunkLines, readJsonFixture, readTextFixture } from '@rig-ts/fixtures';
import { describe, expect, it } from 'vitest';
import { simulatedAnswer } from './answer-conversation.js';
import { decodeSse, post, shapeDifferences } from './test-utils/read-wire.js';
import { useSimulator } from './test-utils/use-simulator.js';

const NOW = 1_750_000_000_000;
const simulator = useSimulator({ now: () => NOW });

const weatherTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'The weather in a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};
const usageZeros = { audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 };
const chatId = expect.stringMatching(/^chatcmpl-[A-Za-z0-9]{29}$/);
const fingerprint = expect.stringMatching(/^fp_[0-9a-f]{10}$/);
const callId = expect.stringMatching(/^call_[A-Za-z0-9]{24}$/);
const obfuscation = expect.stringMatching(/^[A-Za-z0-9]{1,15}$/);

function chat(body: object, headers?: { [name: string]: string }) {
  return post(`${simulator.baseURLs.openai}/chat/completions`, body, headers);
}

/** The fields every streamed chunk of a gpt-4o answer carries. */
const chunkOfGpt4o = {
  id: chatId,
  object: 'chat.completion.chunk',
  created: 1_750_000_000,
  model: 'gpt-4o',
  service_tier: 'default',
  system_fingerprint: fingerprint,
};

describe('simulator: OpenAI Chat Completions', () => {
  it('answers a prompt with a chat.completion body, usage details with zeros, and a request id', async () => {
    const response = await chat({
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'hello there' },
      ],
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
    const body = await response.json();
    expect(body).toEqual({
      id: chatId,
      object: 'chat.completion',
      created: 1_750_000_000,
      model: 'gpt-4o',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: simulatedAnswer('hello there'), refusal: null, annotations: [] },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      // "Be brief." + "hello there" = 20 characters → 5 tokens; the 78-character answer → 20 tokens.
      usage: {
        prompt_tokens: 5,
        completion_tokens: 20,
        total_tokens: 25,
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 0, ...usageZeros },
      },
      service_tier: 'default',
      system_fingerprint: fingerprint,
    });
    expect(shapeDifferences(body, readJsonFixture('openai/vercel-ai/openai-text.json'))).toEqual([]);
    expect(simulator.requests).toEqual([
      {
        method: 'POST',
        url: '/v1/chat/completions',
        headers: expect.objectContaining({ authorization: 'Bearer sim-key', 'content-type': 'application/json' }),
        body: {
          model: 'gpt-4o',
          messages: [
            { role: 'system', content: 'Be brief.' },
            { role: 'user', content: 'hello there' },
          ],
        },
        api: 'openai-chat',
        model: 'gpt-4o',
        stream: false,
        fault: undefined,
      },
    ]);
  });

  it('streams data: chunks, a usage-only chunk with include_usage, then [DONE]', async () => {
    const response = await chat(
      {
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'Hi' }],
        stream: true,
        stream_options: { include_usage: true },
      },
      { 'x-sim-chunk-size': '30' },
    );
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const text = await response.text();
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
    const events = decodeSse(text);
    const delta = (value: object, finish: string | null = null) => ({
      event: 'message',
      data: {
        ...chunkOfGpt4o,
        choices: [{ index: 0, delta: value, logprobs: null, finish_reason: finish }],
        usage: null,
        obfuscation,
      },
    });
    const answer = simulatedAnswer('Hi');
    expect(events).toEqual([
      delta({ role: 'assistant', content: '', refusal: null }),
      delta({ content: answer.slice(0, 30) }),
      delta({ content: answer.slice(30, 60) }),
      delta({ content: answer.slice(60) }),
      delta({}, 'stop'),
      {
        event: 'message',
        data: {
          ...chunkOfGpt4o,
          choices: [],
          usage: {
            prompt_tokens: 1,
            completion_tokens: 18,
            total_tokens: 19,
            prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
            completion_tokens_details: { reasoning_tokens: 0, ...usageZeros },
          },
          obfuscation,
        },
      },
      { event: 'message', data: '[DONE]' },
    ]);
    const ids = new Set(events.slice(0, -1).map((event) => (event.data as { id: string }).id));
    expect(ids.size).toBe(1);
    // The real stream's first, content, finish and usage chunks have the same shape.
    const recorded = chunkLines('openai/vercel-ai/openai-text.chunks.txt').map((line) => JSON.parse(line) as unknown);
    for (const [index, recordedIndex] of [
      [0, 0],
      [1, 1],
      [4, recorded.length - 2],
      [5, recorded.length - 1],
    ] as const) {
      expect(shapeDifferences(events[index]!.data, recorded[recordedIndex])).toEqual([]);
    }
  });

  it('streams without usage fields when include_usage is not set', async () => {
    const events = decodeSse(
      await (await chat({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }], stream: true })).text(),
    );
    expect(events.at(-2)!.data).toEqual({
      ...chunkOfGpt4o,
      choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }],
      obfuscation,
    });
    expect(events.at(-1)!.data).toBe('[DONE]');
    expect(events.some((event) => typeof event.data === 'object' && 'usage' in (event.data as object))).toBe(false);
  });

  it('calls a tool the prompt names, then answers from its result', async () => {
    const messages = [{ role: 'user', content: 'What is the weather in Paris? Use get_weather.' }];
    const first = await (await chat({ model: 'gpt-4o', messages, tools: [weatherTool] })).json();
    expect(first.choices).toEqual([
      {
        index: 0,
        message: {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: callId, type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
          ],
          refusal: null,
          annotations: [],
        },
        logprobs: null,
        finish_reason: 'tool_calls',
      },
    ]);
    expect(
      shapeDifferences(first, readJsonFixture('openai/pydantic-ai/test_openai_tool_output.0.response.json')),
    ).toEqual([]);
    const call = first.choices[0].message.tool_calls[0];
    const second = await (
      await chat({
        model: 'gpt-4o',
        messages: [
          ...messages,
          { role: 'assistant', content: null, tool_calls: [call] },
          { role: 'tool', tool_call_id: call.id, content: 'Sunny, 24 °C' },
        ],
        tools: [weatherTool],
      })
    ).json();
    expect(second.choices[0]).toEqual({
      index: 0,
      message: {
        role: 'assistant',
        content: 'The get_weather tool returned: Sunny, 24 °C',
        refusal: null,
        annotations: [],
      },
      logprobs: null,
      finish_reason: 'stop',
    });
  });

  it('streams a tool call: the first chunk opens it, argument pieces follow, finish_reason tool_calls', async () => {
    const events = decodeSse(
      await (
        await chat({
          model: 'gpt-4o-mini',
          messages: [{ role: 'user', content: 'call get_weather' }],
          tools: [weatherTool],
          tool_choice: 'auto',
          stream: true,
          stream_options: { include_usage: true },
        })
      ).text(),
    );
    const choices = events.slice(0, -2).map((event) => (event.data as { choices: unknown[] }).choices[0]);
    expect(choices).toEqual([
      {
        index: 0,
        delta: {
          role: 'assistant',
          content: null,
          tool_calls: [{ index: 0, id: callId, type: 'function', function: { name: 'get_weather', arguments: '' } }],
          refusal: null,
        },
        logprobs: null,
        finish_reason: null,
      },
      {
        index: 0,
        delta: { tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] },
        logprobs: null,
        finish_reason: null,
      },
      {
        index: 0,
        delta: { tool_calls: [{ index: 0, function: { arguments: '"city"}' } }] },
        logprobs: null,
        finish_reason: null,
      },
      { index: 0, delta: {}, logprobs: null, finish_reason: 'tool_calls' },
    ]);
    const recorded = decodeSse(
      readTextFixture('openai/pydantic-ai/test_run_stream_sync_streams_real_model.0.response.sse'),
    );
    expect(shapeDifferences(events[0]!.data, recorded[0]!.data)).toEqual([]);
    expect(shapeDifferences(events[1]!.data, recorded[1]!.data)).toEqual([]);
    expect(events.at(-1)).toEqual({ event: 'message', data: '[DONE]' });
  });

  it('tool_choice required calls the first tool when the prompt names none; none never calls', async () => {
    const other = {
      type: 'function',
      function: { name: 'get_time', description: '', parameters: { type: 'object', properties: {} } },
    };
    const required = await (
      await chat({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'anything' }],
        tools: [other, weatherTool],
        tool_choice: 'required',
      })
    ).json();
    expect(required.choices[0].message.tool_calls.map((call: { function: unknown }) => call.function)).toEqual([
      { name: 'get_time', arguments: '{}' },
    ]);
    const forced = await (
      await chat({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'anything' }],
        tools: [other, weatherTool],
        tool_choice: { type: 'function', function: { name: 'get_weather' } },
      })
    ).json();
    expect(forced.choices[0].message.tool_calls[0].function).toEqual({
      name: 'get_weather',
      arguments: '{"city":"city"}',
    });
    const none = await (
      await chat({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'get_weather' }],
        tools: [weatherTool],
        tool_choice: 'none',
      })
    ).json();
    expect(none.choices[0].message).toEqual({
      role: 'assistant',
      content: simulatedAnswer('get_weather'),
      refusal: null,
      annotations: [],
    });
  });

  it('answers JSON valid against response_format json_schema, and {"answer"} for json_object', async () => {
    const schema = {
      type: 'object',
      properties: { city: { type: 'string' }, country: { type: 'string' } },
      required: ['city', 'country'],
      additionalProperties: false,
    };
    const body = await (
      await chat({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'largest city?' }],
        response_format: { type: 'json_schema', json_schema: { name: 'result', schema, strict: true } },
      })
    ).json();
    expect(body.choices[0].message.content).toBe('{"city":"city","country":"country"}');
    const streamed = decodeSse(
      await (
        await chat({
          model: 'gpt-4o',
          messages: [{ role: 'user', content: 'largest city?' }],
          response_format: { type: 'json_schema', json_schema: { name: 'result', schema } },
          stream: true,
        })
      ).text(),
    );
    const text = streamed
      .slice(1, -2)
      .map((event) => (event.data as { choices: { delta: { content: string } }[] }).choices[0]!.delta.content)
      .join('');
    expect(text).toBe('{"city":"city","country":"country"}');
    const jsonMode = await (
      await chat({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'hi' }],
        response_format: { type: 'json_object' },
      })
    ).json();
    expect(JSON.parse(jsonMode.choices[0].message.content)).toEqual({ answer: simulatedAnswer('hi') });
  });

  it('cuts the answer at max_completion_tokens and finishes with length', async () => {
    const body = await (
      await chat({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hello' }], max_completion_tokens: 3 })
    ).json();
    expect(body.choices[0].message.content).toBe('You said: "h');
    expect(body.choices[0].finish_reason).toBe('length');
    expect(body.usage.completion_tokens).toBe(3);
  });

  it('reasoning models report reasoning tokens (Chat Completions sends no reasoning text)', async () => {
    const body = await (
      await chat({ model: 'o4-mini-reasoning', messages: [{ role: 'user', content: 'hello' }] })
    ).json();
    expect(body.choices[0].message.content).toBe(simulatedAnswer('hello'));
    // "Thinking about: hello" is 21 characters → 6 reasoning tokens, counted in the completion tokens.
    expect(body.usage.completion_tokens_details.reasoning_tokens).toBe(6);
    expect(body.usage.completion_tokens).toBe(18 + 6);
  });

  it('rejects invalid requests with the OpenAI error envelope', async () => {
    const cases: [object, string, string | null][] = [
      [{ messages: [{ role: 'user', content: 'x' }] }, 'you must provide a model parameter', 'model'],
      [
        { model: 'gpt-4o', messages: [] },
        "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
        'messages',
      ],
      [
        {
          model: 'gpt-4o',
          messages: [
            { role: 'user', content: 'x' },
            { role: 'tool', tool_call_id: 'call_1', content: 'r' },
          ],
        },
        "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.",
        'messages.[1].role',
      ],
      [
        {
          model: 'gpt-4o',
          messages: [
            { role: 'user', content: 'x' },
            {
              role: 'assistant',
              tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } }],
            },
            { role: 'user', content: 'y' },
          ],
        },
        "An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: call_1",
        'messages.[1].role',
      ],
    ];
    for (const [body, message, param] of cases) {
      const response = await chat(body);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: { message, type: 'invalid_request_error', param, code: null } });
    }
    const malformed = await fetch(`${simulator.baseURLs.openai}/chat/completions`, {
      method: 'POST',
      body: '{"model":',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({
      error: {
        message: 'We could not parse the JSON body of your request: it is not a JSON object.',
        type: 'invalid_request_error',
        param: null,
        code: null,
      },
    });
    expect(simulator.requests.at(-1)?.body).toBe('{"model":');
  });

  it('gives the same ids to the n-th request after a reset (deterministic)', async () => {
    const first = await (await chat({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] })).json();
    simulator.reset();
    const again = await (await chat({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] })).json();
    expect(again).toEqual(first);
  });
});
