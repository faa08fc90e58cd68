import {
  CompletionError,
  Message,
  textOf,
  type CompletionRequest,
  type CompletionResponse,
  type StreamedAssistantContent,
  type ToolDefinition,
  type ToolResult,
} from '@rig-ts/core';
import { chunksToWire, listFixtures, randomCuts, readFixture, readJsonFixture, splitBytes } from '@rig-ts/fixtures';
import { sendJson, sendSse, startLoopbackServer, type Handler, type LoopbackServer } from '@rig-ts/fixtures/loopback';
import { useTestServer } from '@rig-ts/provider-tests';
import { describe, expect, it } from 'vitest';
import type { AnthropicMessage } from './anthropic-api-types.js';
import type { AnthropicCompletionModel } from './anthropic-completion-model.js';
import type { AnthropicOptions } from './anthropic-options.js';
import { Client } from './anthropic-provider.js';
import type { AnthropicRawResponse } from './parse-anthropic-response.js';
import { specErrors, withoutFieldsTheSpecLacks } from './test-utils/anthropic-spec.js';
import { EXPECTED_RESPONSES, jsonToolOf, summarize } from './test-utils/expected-responses.js';
import { chunkMessages, jsonResponse, replayFetch, sseResponse } from './test-utils/replay.js';

type Body = { [key: string]: any };
type Meta = { request_body: Body; status: { code: number; message: string }; response_file: string };

const PYDANTIC = 'anthropic/pydantic-ai';
const meta = (name: string): Meta => readJsonFixture(`${PYDANTIC}/${name}.meta.json`);
const responseOf = (name: string) => readJsonFixture(`${PYDANTIC}/${name}.response.json`);

const servers = useTestServer(startLoopbackServer);

/** A loopback server answering the n-th request with `answers[n]`, and a client pointed at it. */
async function serve(...answers: Handler[]): Promise<{ client: Client; server: LoopbackServer; bodies: () => Body[] }> {
  const server = await servers.start((request, response, index) => {
    const answer = answers[index];
    if (answer === undefined) throw new Error(`unexpected request #${index}`);
    return answer(request, response, index);
  });
  const started = server;
  return {
    client: new Client({ apiKey: 'sk-ant-test', baseURL: `${started.url}/v1` }),
    server: started,
    bodies: () => started.requests.map((request) => JSON.parse(request.body)),
  };
}

/** The two recorded turns of the pydantic-ai test `name`, served in order, and their metadata (each turn's request). */
async function serveTwoTurns(name: string) {
  const served = await serve(json(responseOf(`${name}.0`)), json(responseOf(`${name}.1`)));
  return { ...served, first: meta(`${name}.0`), second: meta(`${name}.1`) };
}

const json =
  (body: unknown, status = 200): Handler =>
  (_request, response) =>
    sendJson(response, status, body);
const sse =
  (bytes: Uint8Array | string): Handler =>
  (_request, response) =>
    sendSse(response, bytes);

/** The recorded body without pydantic-ai's explicit `stream: false` (rig-ts leaves `stream` out of non-streamed calls). */
function withoutStreamFalse(body: Body): Body {
  const { stream, ...rest } = body;
  return stream === false ? rest : body;
}

/** Every request body validates against the spec once the fields it lacks are removed; returns what was removed. */
function specGaps(body: Body): string[] {
  const stripped = withoutFieldsTheSpecLacks(body);
  expect(specErrors(stripped.body)).toEqual([]);
  return stripped.removed;
}

async function collect(response: AsyncIterable<StreamedAssistantContent<AnthropicRawResponse>>) {
  const items: StreamedAssistantContent<AnthropicRawResponse>[] = [];
  for await (const item of response) items.push(item);
  const last = items.at(-1);
  if (last?.type !== 'final') throw new Error('the stream has no final item');
  return { items, final: last.response };
}

/** The streamed items agree with the final response: the text deltas add up to its text, the tool calls are its calls. */
function expectItemsMatchFinal(
  items: StreamedAssistantContent<AnthropicRawResponse>[],
  final: CompletionResponse<AnthropicRawResponse>,
): void {
  const text = items.flatMap((item) => (item.type === 'text' ? [item.text] : [])).join('');
  expect(text).toBe(textOf(final.choice));
  expect(items.flatMap((item) => (item.type === 'tool-call' ? [item.toolCall] : []))).toEqual(
    final.choice.filter((block) => block.type === 'tool-call'),
  );
  expect(items.flatMap((item) => (item.type === 'reasoning' ? [item.reasoning] : []))).toEqual(
    final.choice.filter((block) => block.type === 'reasoning'),
  );
}

/** The same content non-streamed (the message the stream added up to, served as JSON) gives the same response. */
async function expectNonStreamedAgrees(
  final: CompletionResponse<AnthropicRawResponse>,
  send: (client: Client) => Promise<CompletionResponse<AnthropicRawResponse>>,
): Promise<void> {
  const replay = replayFetch(() => jsonResponse(200, JSON.stringify(final.rawResponse)));
  const response = await send(new Client({ apiKey: 'sk-ant-test', fetch: replay.fetch }));
  const { rawResponse: streamedRaw, requestId: _streamed, ...streamed } = final;
  const { rawResponse: unaryRaw, requestId: _unary, ...unary } = response;
  expect(unary).toEqual(streamed);
  expect(unaryRaw).toEqual(streamedRaw);
}

const userCountry: ToolDefinition = {
  name: 'get_user_country',
  description: '',
  parameters: { additionalProperties: false, properties: {}, type: 'object' },
};
const entityInfo: ToolDefinition = {
  name: 'retrieve_entity_info',
  description: 'Get the knowledge about the given entity.',
  parameters: {
    additionalProperties: false,
    properties: { name: { type: 'string' } },
    required: ['name'],
    type: 'object',
  },
};

describe('AnthropicCompletionModel: pydantic-ai recordings, request bodies and round trips', () => {
  it('prompt caching: the answer goes back as history and both bodies are the recorded ones', async () => {
    const { client, server, bodies, first, second } = await serveTwoTurns('test_anthropic_cache_real_api');
    const model = client.completionModel('claude-sonnet-4-5', {
      maxTokens: 4096,
      cacheControl: { type: 'ephemeral', ttl: '5m' },
    });
    const question = first.request_body.messages[0].content[0].text as string;
    const answer = await model.completionRequest(question).preamble('You are a helpful assistant.').send();
    expect(summarize(answer)).toEqual(EXPECTED_RESPONSES[`${PYDANTIC}/test_anthropic_cache_real_api.0.response.json`]);
    expect(answer.usage).toEqual({
      promptTokens: 1114,
      completionTokens: 406,
      totalTokens: 1520,
      cachedPromptTokens: 1111,
      cacheCreationTokens: 0,
    });
    const history = JSON.parse(JSON.stringify([Message.user(question), Message.assistant(answer.choice)]));
    const summary = await model
      .completionRequest('Can you summarize that in one sentence?')
      .preamble('You are a helpful assistant.')
      .messages(history)
      .send();
    expect(summary.usage).toEqual({
      promptTokens: 1532,
      completionTokens: 33,
      totalTokens: 1565,
      cachedPromptTokens: 1111,
      cacheCreationTokens: 418,
    });
    expect(bodies()).toEqual([withoutStreamFalse(first.request_body), withoutStreamFalse(second.request_body)]);
    expect(bodies().map(specGaps)).toEqual([['cache_control'], ['cache_control']]);
    expect(server.requests[0]).toMatchObject({ method: 'POST', url: '/v1/messages' });
    expect(server.requests[0]!.headers).toMatchObject({
      'x-api-key': 'sk-ant-test',
      'anthropic-version': '2023-06-01',
      'content-type': 'application/json',
    });
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
  });

  it('thinking: signed thinking goes back unchanged in the next turn', async () => {
    const { client, bodies, first, second } = await serveTwoTurns('test_anthropic_model_thinking_part');
    const model = client.completionModel('claude-sonnet-4-5', {
      maxTokens: 4096,
      thinking: { type: 'enabled', budgetTokens: 1024 },
    });
    const answer = await model.completionRequest('How do I cross the street?').send();
    expect(summarize(answer)).toEqual(
      EXPECTED_RESPONSES[`${PYDANTIC}/test_anthropic_model_thinking_part.0.response.json`],
    );
    const recordedThinking = second.request_body.messages[1].content[0];
    expect(answer.choice[0]).toEqual({
      type: 'reasoning',
      content: [{ type: 'text', text: recordedThinking.thinking, signature: recordedThinking.signature }],
    });
    const history = JSON.parse(
      JSON.stringify([Message.user('How do I cross the street?'), Message.assistant(answer.choice)]),
    );
    const river = await model
      .completionRequest('Considering the way to cross the street, analogously, how do I cross the river?')
      .messages(history)
      .send();
    expect(summarize(river)).toEqual(
      EXPECTED_RESPONSES[`${PYDANTIC}/test_anthropic_model_thinking_part.1.response.json`],
    );
    expect(bodies()).toEqual([withoutStreamFalse(first.request_body), withoutStreamFalse(second.request_body)]);
    expect(bodies().map(specGaps)).toEqual([['thinking'], ['thinking', 'messages[1].content[0]:thinking']]);
  });

  it('redacted thinking goes back unchanged in the next turn', async () => {
    const { client, bodies, first, second } = await serveTwoTurns('test_anthropic_model_thinking_part_redacted');
    const model = client.completionModel('claude-sonnet-4-5-20250929', {
      thinking: { type: 'enabled', budgetTokens: 1024 },
    });
    const trigger = first.request_body.messages[0].content[0].text as string;
    const answer = await model.completionRequest(trigger).maxTokens(4096).send();
    expect(summarize(answer)).toEqual(
      EXPECTED_RESPONSES[`${PYDANTIC}/test_anthropic_model_thinking_part_redacted.0.response.json`],
    );
    const again = await model
      .completionRequest('What was that?')
      .messages([Message.user(trigger), Message.assistant(answer.choice)])
      .maxTokens(4096)
      .send();
    expect(summarize(again)).toEqual(
      EXPECTED_RESPONSES[`${PYDANTIC}/test_anthropic_model_thinking_part_redacted.1.response.json`],
    );
    expect(bodies()).toEqual([withoutStreamFalse(first.request_body), withoutStreamFalse(second.request_body)]);
    expect(bodies().map(specGaps)).toEqual([['thinking'], ['thinking', 'messages[1].content[0]:redacted_thinking']]);
  });

  it('a tool call with thinking, its result and the signature, sent back as history, is the recorded request', async () => {
    const { client, bodies, first, second } = await serveTwoTurns('test_anthropic_tool_with_thinking');
    const model = client.completionModel('claude-sonnet-4-0', {
      maxTokens: 4096,
      thinking: { type: 'enabled', budgetTokens: 3000 },
    });
    const question = 'What is the largest city in the user country?';
    const turn = await model.completionRequest(question).tool(userCountry).send();
    expect(summarize(turn)).toEqual(
      EXPECTED_RESPONSES[`${PYDANTIC}/test_anthropic_tool_with_thinking.0.response.json`],
    );
    expect(turn.finishReason).toBe('tool-calls');
    const call = turn.choice.find((block) => block.type === 'tool-call')!;
    expect(call).toEqual({
      type: 'tool-call',
      id: 'toolu_01YGzqpRE16Vricda3Aqcejo',
      function: { name: 'get_user_country', arguments: {} },
    });
    const history = JSON.parse(JSON.stringify([Message.user(question), Message.assistant(turn.choice)]));
    const answer = await model
      .completionRequest(Message.toolResult(call.id, 'Mexico', { name: 'get_user_country' }))
      .messages(history)
      .tool(userCountry)
      .send();
    expect(summarize(answer)).toEqual(
      EXPECTED_RESPONSES[`${PYDANTIC}/test_anthropic_tool_with_thinking.1.response.json`],
    );
    expect(
      textOf(answer.choice).startsWith(
        "Based on the information that you're from Mexico, the largest city in your country is **Mexico City**",
      ),
    ).toBe(true);
    expect(bodies()).toEqual([withoutStreamFalse(first.request_body), withoutStreamFalse(second.request_body)]);
    expect(bodies().map(specGaps)).toEqual([['thinking'], ['thinking', 'messages[1].content[0]:thinking']]);
  });

  it('four parallel tool calls and their four results in one user message', async () => {
    const { client, bodies, first, second } = await serveTwoTurns('test_multiple_parallel_tool_calls');
    const model = client.completionModel('claude-haiku-4-5');
    const system = first.request_body.system as string;
    const question = 'Alice, Bob, Charlie and Daisy are a family. Who is the youngest?';
    const turn = await model.completionRequest(question).preamble(system).tool(entityInfo).maxTokens(4096).send();
    expect(summarize(turn)).toEqual(
      EXPECTED_RESPONSES[`${PYDANTIC}/test_multiple_parallel_tool_calls.0.response.json`],
    );
    const facts: { [name: string]: string } = {
      Alice: "alice is bob's wife",
      Bob: "bob is alice's husband",
      Charlie: "charlie is alice's son",
      Daisy: "daisy is bob's daughter and charlie's younger sister",
    };
    const results = turn.choice.flatMap((block): ToolResult[] =>
      block.type === 'tool-call'
        ? [
            {
              type: 'tool-result',
              id: block.id,
              content: [{ type: 'text', text: facts[(block.function.arguments as { name: string }).name]! }],
            },
          ]
        : [],
    );
    expect(results).toHaveLength(4);
    const answer = await model
      .completionRequest(Message.user(results as unknown as Parameters<typeof Message.user>[0]))
      .messages([Message.user(question), Message.assistant(turn.choice)])
      .preamble(system)
      .tool(entityInfo)
      .maxTokens(4096)
      .send();
    expect(summarize(answer)).toEqual(
      EXPECTED_RESPONSES[`${PYDANTIC}/test_multiple_parallel_tool_calls.1.response.json`],
    );
    expect(bodies()).toEqual([withoutStreamFalse(first.request_body), withoutStreamFalse(second.request_body)]);
    expect(bodies().map(specGaps)).toEqual([[], []]);
  });

  it('structured output through the JSON-schema output of the API', async () => {
    const recorded = meta('test_anthropic_native_output_decimal_strict.0');
    const { client, bodies } = await serve(json(responseOf('test_anthropic_native_output_decimal_strict.0')));
    const schema = recorded.request_body.output_config.format.schema;
    const response = await client
      .completionModel('claude-sonnet-4-5')
      .completionRequest('Return exactly this payment amount: 12.34')
      .outputSchema(schema)
      .maxTokens(4096)
      .send();
    expect(response.choice).toEqual([{ type: 'text', text: '{"amount":12.34}' }]);
    expect(summarize(response)).toEqual(
      EXPECTED_RESPONSES[`${PYDANTIC}/test_anthropic_native_output_decimal_strict.0.response.json`],
    );
    expect(bodies()).toEqual([withoutStreamFalse(recorded.request_body)]);
    expect(specGaps(bodies()[0]!)).toEqual(['output_config']);
  });

  it('a recorded 400 (unsupported effort) is an http error with the provider message, not retried', async () => {
    const recorded = meta('test_anthropic_explicit_effort_xhigh_unsupported_model_errors.0');
    const { client, server, bodies } = await serve(
      json(responseOf('test_anthropic_explicit_effort_xhigh_unsupported_model_errors.0'), 400),
    );
    const error = await client
      .completionModel('claude-opus-4-6', { effort: 'xhigh' })
      .completionRequest('What is 2+2?')
      .maxTokens(4096)
      .send()
      .catch((caught: unknown) => caught);
    expect(CompletionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      name: 'CompletionError.Http',
      kind: 'http',
      status: 400,
      isRetryable: false,
      attempts: 1,
      providerError: {
        type: 'invalid_request_error',
        message: "This model does not support effort level 'xhigh'. Supported levels: high, low, max, medium.",
      },
    });
    expect((error as Error).message).toBe(
      `Anthropic returned HTTP 400 Bad Request for POST ${server.url}/v1/messages: This model does not support effort level 'xhigh'. Supported levels: high, low, max, medium.`,
    );
    expect(bodies()).toEqual([withoutStreamFalse(recorded.request_body)]);
    expect(server.requests).toHaveLength(1);
  });

  it('a recorded 404 (unknown model) is an http error naming the model', async () => {
    const { client, server } = await serve(json(responseOf('test_anthropic_count_tokens_error.0'), 404));
    const error = await client
      .completionModel('claude-does-not-exist')
      .prompt('hello')
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'PromptError.Completion', kind: 'completion' });
    const cause = (error as { cause: unknown }).cause;
    expect(cause).toMatchObject({
      kind: 'http',
      status: 404,
      isRetryable: false,
      providerError: { type: 'not_found_error', message: 'model: claude-does-not-exist' },
    });
    expect((cause as Error).message).toBe(
      `Anthropic returned HTTP 404 Not Found for POST ${server.url}/v1/messages: model: claude-does-not-exist`,
    );
  });
});

describe('AnthropicCompletionModel: pydantic-ai raw streams, byte for byte and split at random offsets', () => {
  const streams: {
    name: string;
    model: string;
    options: AnthropicOptions;
    request: (
      model: AnthropicCompletionModel,
      recorded: Body,
    ) => ReturnType<AnthropicCompletionModel['completionRequest']>;
    gaps: string[];
  }[] = [
    {
      name: 'test_anthropic_model_thinking_part_stream',
      model: 'claude-sonnet-4-0',
      options: { maxTokens: 4096, thinking: { type: 'enabled', budgetTokens: 1024 } },
      request: (model) => model.completionRequest('How do I cross the street?'),
      gaps: ['thinking'],
    },
    {
      name: 'test_anthropic_model_thinking_part_redacted_stream',
      model: 'claude-sonnet-4-5-20250929',
      options: { maxTokens: 4096, thinking: { type: 'enabled', budgetTokens: 1024 } },
      request: (model, recorded) => model.completionRequest(recorded.messages[0].content[0].text),
      gaps: ['thinking'],
    },
    {
      name: 'test_request_stream_fallback_for_high_max_tokens',
      model: 'claude-sonnet-4-5',
      options: {},
      request: (model) => model.completionRequest('What is 1+1? Answer with just the number.').maxTokens(32000),
      gaps: [],
    },
    {
      name: 'test_anthropic_compaction_usage_with_cache_streaming',
      model: 'claude-sonnet-4-6',
      options: { maxTokens: 4096, cacheControl: { type: 'ephemeral', ttl: '5m' } },
      request: (model, recorded) =>
        model
          .completionRequest(recorded.messages[0].content[0].text)
          .preamble('You are a helpful assistant. Be very brief.')
          .additionalParams({ context_management: recorded.context_management }),
      gaps: ['cache_control', 'context_management'],
    },
  ];

  it.each(streams)('$name', async ({ name, model: modelId, options, request, gaps }) => {
    const recorded = meta(`${name}.0`);
    const path = `${PYDANTIC}/${recorded.response_file}`;
    const bytes = readFixture(path);
    const { client, bodies } = await serve(sse(bytes));
    const { items, final } = await collect(
      await request(client.completionModel(modelId, options), recorded.request_body).stream(),
    );
    expect(summarize(final)).toEqual(EXPECTED_RESPONSES[path]);
    expectItemsMatchFinal(items, final);
    const sent = bodies()[0]!;
    // pydantic-ai sent this system prompt as one text block; rig-ts sends the same prompt as a string.
    expect(typeof sent.system === 'string' ? { ...sent, system: [{ type: 'text', text: sent.system }] } : sent).toEqual(
      recorded.request_body,
    );
    expect(specGaps(sent)).toEqual(gaps);

    for (const seed of [1, 7, 42, 1234, 99_991]) {
      const replay = replayFetch(() => sseResponse(splitBytes(bytes, randomCuts(bytes.length, 60, seed))));
      const split = await collect(
        await request(
          new Client({ apiKey: 'sk-ant-test', fetch: replay.fetch }).completionModel(modelId, options),
          recorded.request_body,
        ).stream(),
      );
      expect(split.items).toEqual(items);
    }
    await expectNonStreamedAgrees(final, (other) =>
      request(other.completionModel(modelId, options), recorded.request_body).send(),
    );
  });

  it('thinking stream: reasoning deltas, then the block with its signature, then the text', async () => {
    const path = `${PYDANTIC}/test_anthropic_model_thinking_part_stream.0.response.sse`;
    const replay = replayFetch(() => sseResponse([readFixture(path)]));
    const { items, final } = await collect(
      await new Client({ apiKey: 'k', fetch: replay.fetch })
        .completionModel('claude-sonnet-4-0')
        .streamPrompt('How do I cross the street?'),
    );
    expect(final.choice.map((block) => block.type)).toEqual(['reasoning', 'text']);
    const [part] = (final.choice[0] as { content: readonly { type: string; text: string; signature: string }[] })
      .content;
    expect([part!.type, part!.text.length, part!.text.slice(0, 60)]).toEqual([
      'text',
      202,
      'This is a straightforward question about pedestrian safety. ',
    ]);
    expect([part!.signature.length, part!.signature.slice(0, 24), part!.signature.slice(-12)]).toEqual([
      504,
      'EvMCCkYICxgCKkCHP2cSuEdc',
      'P/UhjfQYAQ==',
    ]);
    const kinds = items.map((item) => item.type);
    expect(kinds.indexOf('reasoning')).toBeLessThan(kinds.indexOf('text'));
    expect(kinds.lastIndexOf('reasoning-delta')).toBeLessThan(kinds.indexOf('reasoning'));
    expect(final.usage).toEqual({
      promptTokens: 43,
      completionTokens: 282,
      totalTokens: 325,
      cachedPromptTokens: 0,
      cacheCreationTokens: 0,
    });
    expect(final.id).toBe('msg_01ALwQ87pTS7hH1PjSdC9wJD');
  });
});

describe('AnthropicCompletionModel: vercel-ai recordings', () => {
  const bodies = listFixtures('anthropic/vercel-ai', '.json').filter((path) => !path.includes('/synthetic/'));
  const chunkFiles = listFixtures('anthropic/vercel-ai', '.chunks.txt').filter((path) => !path.includes('/synthetic/'));
  const requestFor = (model: AnthropicCompletionModel, path: string) => {
    const builder = model.completionRequest('Hello').maxTokens(1024);
    return jsonToolOf(path) !== undefined
      ? builder
          .outputSchema({ type: 'object', properties: { elements: { type: 'array' } } })
          .providerOptions({ anthropic: { structuredOutputMode: 'tool' } })
      : builder;
  };

  it('finds every recording', () => {
    expect(bodies).toHaveLength(26);
    expect(chunkFiles).toHaveLength(25);
    expect(chunkFiles.flatMap((path) => chunkMessages(path))).toHaveLength(45);
  });

  it('sends the plain request the recordings answer', async () => {
    const replay = replayFetch(() => jsonResponse(200, readJsonFixture('anthropic/vercel-ai/anthropic-text.json')));
    await requestFor(
      new Client({ apiKey: 'sk-ant-test', fetch: replay.fetch }).completionModel('claude-sonnet-4-5'),
      'anthropic-text.json',
    ).send();
    expect(replay.requests).toEqual([
      {
        url: 'https://api.anthropic.com/v1/messages',
        headers: { 'anthropic-version': '2023-06-01', 'content-type': 'application/json', 'x-api-key': 'sk-ant-test' },
        body: {
          model: 'claude-sonnet-4-5',
          max_tokens: 1024,
          messages: [{ role: 'user', content: [{ type: 'text', text: 'Hello' }] }],
        },
      },
    ]);
    expect(specGaps(replay.requests[0]!.body as Body)).toEqual([]);
  });

  it.each(bodies)('completion: %s', async (path) => {
    const { client } = await serve(json(readJsonFixture(path)));
    const response = await requestFor(client.completionModel('claude-sonnet-4-5'), path).send();
    expect(summarize(response)).toEqual(EXPECTED_RESPONSES[path]);
    expect(response.rawResponse).toEqual(readJsonFixture(path));
  });

  const messages = chunkFiles.flatMap((path) =>
    chunkMessages(path).map((lines, index) => ({ key: `${path}#${index}`, path, lines })),
  );

  it('the oracle derived an expectation for each of them (and for the 11 + 4 pydantic-ai answers), and for nothing else', () => {
    const keys = Object.keys(EXPECTED_RESPONSES);
    expect(keys.filter((key) => key.startsWith('anthropic/vercel-ai/')).sort()).toEqual(
      [...bodies, ...messages.map(({ key }) => key)].sort(),
    );
    expect(keys.filter((key) => key.startsWith(`${PYDANTIC}/`))).toHaveLength(15);
    expect(keys).toHaveLength(26 + 45 + 15);
  });

  it.each(messages)('stream: $key', async ({ key, path, lines }) => {
    const wire = new TextEncoder().encode(chunksToWire(lines, 'typed-events'));
    const results: {
      items: StreamedAssistantContent<AnthropicRawResponse>[];
      final: CompletionResponse<AnthropicRawResponse>;
    }[] = [];
    for (const cuts of [[], randomCuts(wire.length, 40, 3), randomCuts(wire.length, 400, 11)]) {
      const replay = replayFetch(() => sseResponse(splitBytes(wire, cuts)));
      results.push(
        await collect(
          await requestFor(
            new Client({ apiKey: 'sk-ant-test', fetch: replay.fetch }).completionModel('claude-sonnet-4-5'),
            path,
          ).stream(),
        ),
      );
      expect(replay.requests[0]!.body).toMatchObject({ stream: true });
    }
    const { items, final } = results[0]!;
    expect(summarize(final)).toEqual(EXPECTED_RESPONSES[key]);
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    expectItemsMatchFinal(items, final);
    await expectNonStreamedAgrees(final, (client) =>
      requestFor(client.completionModel('claude-sonnet-4-5'), path).send(),
    );
  });

  it('a multi-message recording is several responses: programmatic tool calling turns arrive whole in message_start', () => {
    expect(
      chunkMessages('anthropic/vercel-ai/anthropic-programmatic-tool-calling.1.chunks.txt')
        .slice(1, 3)
        .map(
          (_lines, index) =>
            EXPECTED_RESPONSES[`anthropic/vercel-ai/anthropic-programmatic-tool-calling.1.chunks.txt#${index + 1}`],
        ),
    ).toEqual([
      {
        id: 'msg_01KSVw3xmXbMNJPNMt46BC5W',
        model: 'claude-sonnet-4-5-20250929',
        finishReason: 'tool-calls',
        rawFinishReason: 'tool_use',
        usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0 },
        choice: [
          {
            type: 'tool-call',
            id: 'toolu_015dGLMbwBKv1ZRQr6KdJzeH',
            function: { name: 'rollDie', arguments: { player: 'player2' } },
            providerMetadata: {
              anthropic: { caller: { type: 'code_execution_20250825', tool_id: 'srvtoolu_01MzSrFWsmzBdcoQkGWLyRjK' } },
            },
          },
        ],
      },
      {
        id: 'msg_016fLapHzDx8DG2SUcsGKyPA',
        model: 'claude-sonnet-4-5-20250929',
        finishReason: 'tool-calls',
        rawFinishReason: 'tool_use',
        usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0 },
        choice: [
          {
            type: 'tool-call',
            id: 'toolu_01YYqBNq5mk1wMtv3PAqY44m',
            function: { name: 'rollDie', arguments: { player: 'player1' } },
            providerMetadata: {
              anthropic: { caller: { type: 'code_execution_20250825', tool_id: 'srvtoolu_01MzSrFWsmzBdcoQkGWLyRjK' } },
            },
          },
        ],
      },
    ]);
  });
});

describe('AnthropicCompletionModel: the request body', () => {
  async function bodyOf(
    modelId: string,
    options: AnthropicOptions,
    build: (model: AnthropicCompletionModel) => Promise<unknown>,
  ): Promise<{ body: Body; response: unknown }> {
    const replay = replayFetch(() => jsonResponse(200, readJsonFixture('anthropic/vercel-ai/anthropic-text.json')));
    const response = await build(
      new Client({ apiKey: 'sk-ant-test', fetch: replay.fetch }).completionModel(modelId, options),
    );
    return { body: replay.requests[0]!.body as Body, response };
  }
  const hello = [{ role: 'user', content: [{ type: 'text', text: 'Hello' }] }];

  it('fills max_tokens from the model when none is given', async () => {
    for (const [modelId, maxTokens] of [
      ['claude-opus-4-6', 128_000],
      ['claude-sonnet-4-5-20250929', 64_000],
      ['claude-opus-4-1', 32_000],
      ['claude-3-5-haiku-latest', 8192],
      ['claude-3-haiku-20240307', 4096],
    ] as const) {
      const { body } = await bodyOf(modelId, {}, (model) => model.completion(model.completionRequest('Hello').build()));
      expect(body).toEqual({ model: modelId, max_tokens: maxTokens, messages: hello });
    }
    const { body } = await bodyOf('claude-sonnet-4-5', { maxTokens: 2000 }, (model) =>
      model.completionRequest('Hello').send(),
    );
    expect(body.max_tokens).toBe(2000);
  });

  it('maps every typed option; request options win over model options, undefined ones do not erase', async () => {
    const cached = { type: 'ephemeral', ttl: '1h' } as const;
    const { body, response } = await bodyOf(
      'claude-sonnet-4-5',
      {
        topK: 40,
        topP: 0.9,
        userId: 'user-1',
        stopSequences: ['END'],
        serviceTier: 'auto',
        effort: 'medium',
        disableParallelToolUse: true,
        systemCacheControl: cached,
      },
      (model) =>
        model
          .completionRequest('Hello')
          .preamble('Be brief.')
          .temperature(0.3)
          .tool({ ...entityInfo, providerOptions: { anthropic: { cacheControl: { type: 'ephemeral' } } } })
          .toolChoice('required')
          .providerOptions({ anthropic: { topK: 5, topP: undefined, cacheControl: { type: 'ephemeral' } } })
          .send(),
    );
    expect(body).toEqual({
      model: 'claude-sonnet-4-5',
      max_tokens: 64_000,
      system: [{ type: 'text', text: 'Be brief.', cache_control: cached }],
      messages: hello,
      tools: [
        {
          name: entityInfo.name,
          description: entityInfo.description,
          input_schema: entityInfo.parameters,
          cache_control: { type: 'ephemeral' },
        },
      ],
      tool_choice: { type: 'any', disable_parallel_tool_use: true },
      temperature: 0.3,
      top_p: 0.9,
      top_k: 5,
      stop_sequences: ['END'],
      metadata: { user_id: 'user-1' },
      service_tier: 'auto',
      output_config: { effort: 'medium' },
      cache_control: { type: 'ephemeral' },
    });
    expect(response).not.toHaveProperty('warnings');
    expect(specGaps(body)).toEqual(['output_config', 'cache_control', 'service_tier', 'system[0].cache_control.ttl']);
  });

  it('drops the temperature while thinking, with a warning on the response', async () => {
    const { body, response } = await bodyOf('claude-sonnet-4-5', { thinking: { type: 'adaptive' } }, (model) =>
      model.completionRequest('Hello').temperature(0.2).send(),
    );
    expect(body).toEqual({
      model: 'claude-sonnet-4-5',
      max_tokens: 64_000,
      messages: hello,
      thinking: { type: 'adaptive' },
    });
    expect((response as CompletionResponse).warnings).toEqual([
      {
        type: 'unsupported',
        feature: 'temperature',
        details: 'Anthropic does not take a temperature while thinking is enabled; it was not sent',
      },
    ]);
  });

  it('merges additionalParams last, appending an additionalParams.tools array to the declared tools, warning for what it replaces', async () => {
    const webSearch = { type: 'web_search_20250305', name: 'web_search', max_uses: 3 };
    const { body, response } = await bodyOf(
      'claude-sonnet-4-5',
      { thinking: { type: 'enabled', budgetTokens: 2048 } },
      (model) =>
        model
          .completionRequest('Hello')
          .tool(entityInfo)
          .additionalParams({
            thinking: { type: 'enabled', budget_tokens: 4096 },
            tools: [webSearch],
            container: 'container_1',
          })
          .model('claude-opus-4-5')
          .send(),
    );
    expect(body).toEqual({
      model: 'claude-opus-4-5',
      max_tokens: 64_000,
      messages: hello,
      tools: [
        { name: entityInfo.name, description: entityInfo.description, input_schema: entityInfo.parameters },
        webSearch,
      ],
      tool_choice: { type: 'auto' },
      thinking: { type: 'enabled', budget_tokens: 4096 },
      container: 'container_1',
    });
    expect((response as CompletionResponse).warnings).toEqual([
      { type: 'other', message: 'additionalParams.thinking replaced the value rig-ts built from the request' },
    ]);
  });

  it('structured output: native JSON schema (objects closed) on models that have it, else a forced json tool', async () => {
    const schema = {
      type: 'object',
      properties: {
        city: { type: 'object', properties: { name: { type: 'string', enum: ['Paris'] } } },
        tags: { type: 'array', items: { type: 'object' } },
      },
    };
    const closed = {
      type: 'object',
      additionalProperties: false,
      properties: {
        city: {
          type: 'object',
          additionalProperties: false,
          properties: { name: { type: 'string', enum: ['Paris'] } },
        },
        tags: { type: 'array', items: { type: 'object', additionalProperties: false } },
      },
    };
    const native = await bodyOf('claude-sonnet-4-5', {}, (model) =>
      model.completionRequest('Hello').outputSchema(schema).send(),
    );
    expect(native.body.output_config).toEqual({ format: { type: 'json_schema', schema: closed } });
    expect(native.body.tools).toBeUndefined();

    const jsonTool = { name: 'json', description: 'Respond with a JSON object.', input_schema: schema };
    const tool = await bodyOf('claude-3-5-haiku-latest', {}, (model) =>
      model.completionRequest('Hello').outputSchema(schema).send(),
    );
    expect(tool.body).toEqual({
      model: 'claude-3-5-haiku-latest',
      max_tokens: 8192,
      messages: hello,
      tools: [jsonTool],
      tool_choice: { type: 'tool', name: 'json' },
    });
    expect(specGaps(tool.body)).toEqual([]);

    const forced = await bodyOf('claude-sonnet-4-5', { structuredOutputMode: 'tool' }, (model) =>
      model.completionRequest('Hello').outputSchema(schema).send(),
    );
    expect(forced.body.tools).toEqual([jsonTool]);
    const nativeAnyway = await bodyOf('my-proxy-model', { structuredOutputMode: 'native' }, (model) =>
      model.completionRequest('Hello').outputSchema(schema).send(),
    );
    expect(nativeAnyway.body.output_config).toEqual({ format: { type: 'json_schema', schema: closed } });
  });

  it('documents, images and cache breakpoints in one request validate against the spec where it covers them', async () => {
    const { body } = await bodyOf('claude-sonnet-4-5', {}, (model) =>
      model
        .completionRequest(
          Message.user([
            {
              type: 'document',
              source: { type: 'base64', data: 'JVBERi0xLjQK' },
              mediaType: 'application/pdf',
              providerOptions: { anthropic: { cacheControl: { type: 'ephemeral' } } },
            },
            { type: 'image', source: { type: 'base64', data: 'iVBORw0KGgo=' }, mediaType: 'image/png' },
            { type: 'image', source: { type: 'url', url: 'https://example.com/a.png' } },
            { type: 'text', text: 'Summarize.' },
          ]),
        )
        .document({ id: 'notes', text: 'Some notes.' })
        .send(),
    );
    expect(body.messages).toEqual([
      {
        role: 'user',
        content: [
          {
            type: 'document',
            source: { type: 'text', media_type: 'text/plain', data: '<file id: notes>\nSome notes.\n</file>\n' },
          },
        ],
      },
      {
        role: 'user',
        content: [
          {
            type: 'document',
            source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0xLjQK' },
            cache_control: { type: 'ephemeral' },
          },
          { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
          { type: 'image', source: { type: 'url', url: 'https://example.com/a.png' } },
          { type: 'text', text: 'Summarize.' },
        ],
      },
    ]);
    expect(specGaps(body)).toEqual(['messages[0].content[0].source:text', 'messages[1].content[2].source:url']);
  });

  it('refuses content the API cannot take before sending anything', async () => {
    const replay = replayFetch();
    const model = new Client({ apiKey: 'sk-ant-test', fetch: replay.fetch }).completionModel('claude-sonnet-4-5');
    const request: CompletionRequest = {
      chatHistory: [
        Message.user([{ type: 'audio', source: { type: 'base64', data: 'UklGRg==' }, mediaType: 'audio/wav' }]),
      ] as never,
      documents: [],
      tools: [],
    };
    await expect(model.completion(request)).rejects.toMatchObject({
      kind: 'request',
      message: 'chatHistory[0].content[0]: Anthropic does not accept audio content',
    });
    await expect(model.stream(request)).rejects.toMatchObject({ kind: 'request' });
    await expect(model.completion({ ...request, chatHistory: [] as never })).rejects.toMatchObject({
      kind: 'request',
      message: 'chatHistory is empty: a request needs a prompt',
    });
    expect(replay.requests).toEqual([]);
  });
});

describe('AnthropicCompletionModel: failures', () => {
  it('retries a 529 overloaded answer, then succeeds', async () => {
    const { client, server } = await serve(
      json({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }, 529),
      json(readJsonFixture('anthropic/vercel-ai/anthropic-text.json')),
    );
    const text = await client.completionModel('claude-sonnet-4-5').prompt('Hello');
    expect(text).toBe(textOf(readJsonFixture('anthropic/vercel-ai/anthropic-text.json').content));
    expect(server.requests).toHaveLength(2);
  });

  it('a JSON error instead of a stream is a provider error', async () => {
    const { client } = await serve(
      json(
        {
          type: 'error',
          error: { type: 'invalid_request_error', message: 'messages: text content blocks must be non-empty' },
        },
        200,
      ),
    );
    const error = await client
      .completionModel('claude-sonnet-4-5')
      .streamPrompt('Hello')
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      kind: 'provider',
      providerError: { type: 'invalid_request_error', message: 'messages: text content blocks must be non-empty' },
    });
    expect((error as Error).message).toBe(
      `Anthropic answered POST ${servers.server.url}/v1/messages with an error instead of a stream: messages: text content blocks must be non-empty`,
    );
  });

  it('an overloaded error event in the middle of a stream ends it with a retryable provider error', async () => {
    const lines = chunkMessages('anthropic/vercel-ai/anthropic-text.chunks.txt')[0]!;
    const wire =
      chunksToWire(lines.slice(0, 4), 'typed-events') +
      'event: error\ndata: {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}\n\n';
    const { client } = await serve(sse(wire));
    const stream = await client.completionModel('claude-sonnet-4-5').streamPrompt('Hello');
    const texts: string[] = [];
    const error = await (async () => {
      for await (const text of stream.textStream) texts.push(text);
    })().catch((caught: unknown) => caught);
    expect(texts.length).toBeGreaterThan(0);
    expect(error).toMatchObject({
      name: 'CompletionError.Provider',
      kind: 'provider',
      isRetryable: true,
      providerError: { type: 'overloaded_error', message: 'Overloaded' },
    });
    expect(stream.usage()).toBeUndefined();
  });
});
