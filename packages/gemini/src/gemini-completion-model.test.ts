import {
  CompletionError,
  Message,
  ToolChoice,
  type AssistantContent,
  type CompletionResponse,
  type StreamedAssistantContent,
  type ToolCall,
  type ToolDefinition,
} from '@rig-ts/core';
import {
  chunkLines,
  chunksToWire,
  listFixtures,
  randomCuts,
  readFixture,
  readJsonFixture,
  readTextFixture,
  splitBytes,
} from '@rig-ts/fixtures';
import { sendJson, sendSse, startLoopbackServer, type Handler, type LoopbackServer } from '@rig-ts/fixtures/loopback';
import { useTestServer } from '@rig-ts/provider-tests';
import { describe, expect, it } from 'vitest';
import type { GeminiResponse } from './gemini-api-types.js';
import { Client } from './gemini-provider.js';
import { EXPECTED_JSON, EXPECTED_STREAMS, type ExpectedResult } from './test-utils/gemini-expected.js';
import { drain, fakeFetch, recordedEvents, recordedInteraction, recordedParts } from './test-utils/gemini-replay.js';

const servers = useTestServer(startLoopbackServer);

async function serve(handler: Handler): Promise<{ loopback: LoopbackServer; client: Client }> {
  const server = await servers.start(handler);
  return {
    loopback: server,
    client: new Client({ apiKey: 'test-gemini-key', baseURL: `${server.url}/v1beta`, maxRetries: 0 }),
  };
}

const encoder = new TextEncoder();
const PROMPT_BODY = {
  contents: [{ role: 'user', parts: [{ text: 'How many r are in strawberry?' }] }],
  generationConfig: {},
};

/** The wire bytes of a stream recording: raw `.sse` as recorded, `.chunks.txt` as Gemini sends it (`data: …\r\n\r\n`). */
function wireOf(file: string): Uint8Array {
  return file.endsWith('.sse') ? readFixture(file) : encoder.encode(chunksToWire(chunkLines(file), 'gemini'));
}

function summary(response: CompletionResponse): ExpectedResult & { [key: string]: unknown } {
  const { choice, usage, finishReason, rawFinishReason, id, model } = response;
  return { choice: [...choice], usage, finishReason, rawFinishReason: rawFinishReason!, id: id!, model: model! };
}

/** The items of a stream agree with its final response: text deltas, completed tool calls and reasoning blocks. */
function expectItemsAgree(items: StreamedAssistantContent[], final: CompletionResponse): void {
  const last = items[items.length - 1];
  expect(last).toEqual({
    type: 'final',
    usage: final.usage,
    finishReason: final.finishReason,
    rawFinishReason: final.rawFinishReason,
    response: final,
  });
  const texts = final.choice.filter((block) => block.type === 'text').map((block) => block.text);
  expect(
    items
      .filter((item) => item.type === 'text')
      .map((item) => item.text)
      .join(''),
  ).toBe(texts.join(''));
  expect(items.filter((item) => item.type === 'tool-call').map((item) => item.toolCall)).toEqual(
    final.choice.filter((block) => block.type === 'tool-call'),
  );
  expect(items.filter((item) => item.type === 'reasoning').map((item) => item.reasoning)).toEqual(
    final.choice.filter((block) => block.type === 'reasoning'),
  );
  const reasoningDeltas = items
    .filter((item) => item.type === 'reasoning-delta')
    .map((item) => item.text)
    .join('');
  expect(reasoningDeltas).toBe(
    final.choice
      .filter((block) => block.type === 'reasoning')
      .flatMap((block) => block.content.map((content) => ('text' in content ? content.text : '')))
      .join(''),
  );
}

const jsonFixtures = listFixtures('google', '.json').filter(
  // The Vertex embedding body belongs to another endpoint; the 429 body is replayed in the error tests below.
  (file) =>
    !file.endsWith('.meta.json') &&
    file !== 'google/vercel-ai/google-vertex-embedding.json' &&
    file !== 'google/vercel-ai/google-429-retry-info.json',
);
const streamFixtures = [...listFixtures('google', '.sse'), ...listFixtures('google', '.chunks.txt')].sort();

describe('replaying every real Gemini recording', () => {
  it('covers every recorded response body and stream', () => {
    expect(jsonFixtures).toEqual(Object.keys(EXPECTED_JSON).sort());
    expect(streamFixtures).toEqual(Object.keys(EXPECTED_STREAMS).sort());
    expect(jsonFixtures).toHaveLength(12);
    expect(streamFixtures).toHaveLength(18);
  });

  it.each(jsonFixtures)('%s through completion()', async (file) => {
    const { loopback, client } = await serve((_request, response) => sendJson(response, 200, readTextFixture(file)));
    const response = await client
      .completionModel('gemini-2.5-flash')
      .completionRequest('How many r are in strawberry?')
      .send();
    const expected = EXPECTED_JSON[file]!;
    expect(response).toEqual({ ...expected, rawResponse: readJsonFixture(file) });
    expect((response.rawResponse as GeminiResponse & { tokenUsage(): unknown }).tokenUsage()).toEqual(expected.usage);
    expect(loopback.requests).toHaveLength(1);
    expect(loopback.requests[0]!.url).toBe('/v1beta/models/gemini-2.5-flash:generateContent');
    expect(loopback.requests[0]!.headers['x-goog-api-key']).toBe('test-gemini-key');
    expect(JSON.parse(loopback.requests[0]!.body)).toEqual(PROMPT_BODY);
  });

  it.each(streamFixtures)('%s through stream(), byte for byte over HTTP', async (file) => {
    const { loopback, client } = await serve((_request, response) => sendSse(response, wireOf(file)));
    const stream = await client
      .completionModel('gemini-2.5-flash')
      .completionRequest('How many r are in strawberry?')
      .stream();
    const items = await drain(stream);
    const final = await stream.final;
    expect(summary(final)).toEqual(EXPECTED_STREAMS[file]);
    expect(final.rawResponse).toEqual(recordedEvents(file).at(-1));
    expect(stream.usage()).toEqual(EXPECTED_STREAMS[file]!.usage);
    expectItemsAgree(items, final);
    expect(loopback.requests[0]!.url).toBe('/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
    expect(loopback.requests[0]!.headers['x-goog-api-key']).toBe('test-gemini-key');
    expect(JSON.parse(loopback.requests[0]!.body)).toEqual(PROMPT_BODY);
  });

  it.each(streamFixtures)(
    '%s split at random byte offsets and byte by byte',
    async (file) => {
      const wire = wireOf(file);
      const splits = [1, 2, 3].map((seed) => splitBytes(wire, randomCuts(wire.length, 40, seed)));
      splits.push(Array.from({ length: wire.length }, (_, index) => wire.subarray(index, index + 1)));
      for (const chunks of splits) {
        const fake = fakeFetch([{ headers: { 'content-type': 'text/event-stream' }, chunks }]);
        const client = new Client({ apiKey: 'k', baseURL: 'http://gemini.test/v1beta', fetch: fake.fetch });
        const stream = await client
          .completionModel('gemini-2.5-flash')
          .completionRequest('How many r are in strawberry?')
          .stream();
        const items = await drain(stream);
        expect(summary(await stream.final)).toEqual(EXPECTED_STREAMS[file]);
        expectItemsAgree(items, await stream.final);
      }
      // Byte by byte is thousands of reads: seconds on a loaded machine. The bound only tells a hang from slow work.
    },
    60_000,
  );

  it.each(streamFixtures)('%s: the non-streamed body of the same content gives the same response', async (file) => {
    const events = recordedEvents(file);
    const last = events.at(-1)!;
    const body: GeminiResponse = {
      candidates: [
        { content: { role: 'model', parts: recordedParts(file) }, finishReason: last.candidates![0]!.finishReason! },
      ],
      usageMetadata: last.usageMetadata!,
      modelVersion: last.modelVersion!,
      responseId: last.responseId!,
    };
    const fake = fakeFetch([
      { headers: { 'content-type': 'text/event-stream' }, chunks: [wireOf(file)] },
      { chunks: [JSON.stringify(body)] },
    ]);
    const model = new Client({ apiKey: 'k', baseURL: 'http://gemini.test/v1beta', fetch: fake.fetch }).completionModel(
      'gemini-2.5-flash',
    );
    const streamed = await (await model.completionRequest('Hi').stream()).final;
    const completed = await model.completionRequest('Hi').send();
    expect(summary(completed)).toEqual(summary(streamed));
    expect(summary(completed)).toEqual(EXPECTED_STREAMS[file]);
  });
});

// What pydantic-ai sent differs from what rig-ts sends only where the difference is documented:
// - `functionCall.id` / `functionResponse.id`: pydantic-ai minted them (`pyd_ai_…`); rig-ts never sends an id Gemini did not issue.
// - `functionResponse.response.return_value`: pydantic-ai's key; rig-ts sends `result` (`error` for a failed tool), as Google's SDKs do.
// - `parameters_json_schema`: the Python SDK's snake_case spelling of `parametersJsonSchema`, the same proto field.
// - `thoughtSignature`: the Python SDK re-encodes the signature bytes as URL-safe base64; rig-ts sends back the standard
//   base64 Gemini sent (the same bytes; the API reads both alphabets).
function asRigTsSends(recorded: unknown): unknown {
  return JSON.parse(JSON.stringify(recorded), function (key, value: unknown) {
    if (key === 'thoughtSignature') return (value as string).replaceAll('-', '+').replaceAll('_', '/');
    if (key === 'functionCall' || key === 'functionResponse') {
      const { id: _id, ...rest } = value as { id?: string };
      if ('response' in rest) {
        const { return_value: result, ...response } = rest.response as { return_value?: unknown };
        return { ...rest, response: result === undefined ? response : { result, ...response } };
      }
      return rest;
    }
    if (value !== null && typeof value === 'object' && 'parameters_json_schema' in value) {
      const { parameters_json_schema: parametersJsonSchema, ...rest } = value as { parameters_json_schema: unknown };
      return { ...rest, parametersJsonSchema };
    }
    return value;
  });
}

function interactionOf(file: string) {
  const recorded = recordedInteraction(file);
  const url = new URL(recorded.uri);
  return {
    body: recorded.request_body,
    path: url.pathname + url.search,
    status: recorded.status.code,
    contentType: recorded.response_headers['content-type']![0]!,
  };
}

/** A loopback server answering the n-th request with the n-th recorded response of `files`. */
async function replay(files: string[]): Promise<{ loopback: LoopbackServer; client: Client }> {
  return serve((_request, response, index) => {
    const file = files[index]!;
    const { status, contentType } = interactionOf(file);
    const body = readFixture(file);
    response.writeHead(status, { 'content-type': contentType });
    response.end(body);
  });
}

function expectSent(
  loopback: LoopbackServer,
  index: number,
  file: string,
  bodyOverride: { [key: string]: unknown } = {},
): void {
  const { body, path } = interactionOf(file);
  const sent = loopback.requests[index]!;
  expect(sent.url).toBe(path);
  expect(sent.headers['x-goog-api-key']).toBe('test-gemini-key');
  expect(JSON.parse(sent.body)).toEqual(asRigTsSends({ ...body, ...bodyOverride }));
}

const P = 'google/pydantic-ai/';

describe('round trips: histories with tool calls, results and thought signatures produce the recorded requests', () => {
  it('covers every recorded request', () => {
    expect(listFixtures('google', '.meta.json')).toHaveLength(16);
  });

  it('test_google_instructions_only_with_tool_calls: parallel calls, signatures and results over five turns', async () => {
    const files = [0, 1, 2, 3, 4].map(
      (index) => `${P}test_google_instructions_only_with_tool_calls.${index}.response.json`,
    );
    const { loopback, client } = await replay(files);
    const model = client.completionModel('gemini-3-flash-preview', { responseModalities: ['TEXT'] });
    const tools: ToolDefinition[] = [
      {
        name: 'generate_topic',
        description: '',
        parameters: { additionalProperties: false, properties: {}, type: 'object' },
      },
      {
        name: 'final_result',
        description: 'The final response which ends this conversation',
        parameters: {
          properties: { response: { items: { type: 'string' }, type: 'array' } },
          required: ['response'],
          type: 'object',
        },
      },
    ];
    const request = (prompt: Message, history: Message[]) =>
      model
        .completionRequest(prompt)
        .preamble('Tell three jokes. Generate topics with the generate_topic tool.')
        .messages(history)
        .tools(tools)
        .toolChoice(ToolChoice.specific('generate_topic', 'final_result'));

    // Interaction 0 asked with an empty prompt, which rig-ts refuses before sending anything.
    await expect(request(Message.user(''), []).send()).rejects.toMatchObject({
      kind: 'request',
      message: 'prompt is empty (chatHistory[0] has no text)',
    });
    expect(loopback.requests).toHaveLength(0);
    const first = await model.completionRequest('Tell three jokes.').send();
    expect(first.choice).toEqual(EXPECTED_JSON[files[0]!]!.choice);

    const history: Message[] = [Message.user(''), Message.assistant(first.choice)];
    const calls = first.choice as readonly ToolCall[];
    history.push(Message.toolResult(calls[0]!.id, 'cars'), Message.toolResult(calls[1]!.id, 'penguins'));
    let prompt = Message.toolResult(calls[2]!.id, 'cars');
    const topics = ['penguins', 'cars', 'penguins'];
    for (let turn = 1; turn <= 4; turn++) {
      const response = await request(prompt, history).send();
      expectSent(loopback, turn, files[turn]!);
      expect(response.choice).toEqual(EXPECTED_JSON[files[turn]!]!.choice);
      if (turn === 4) break;
      history.push(prompt, Message.assistant(response.choice));
      prompt = Message.toolResult((response.choice[0] as ToolCall).id, topics[turn - 1]!);
    }
  });

  it('test_google_streaming_tool_call_thought_signature: a streamed call with its signature, answered', async () => {
    const files = [0, 1].map((index) => `${P}test_google_streaming_tool_call_thought_signature.${index}.response.sse`);
    const { loopback, client } = await replay(files);
    const model = client.completionModel('gemini-3-pro-preview', { responseModalities: ['TEXT'] });
    const tools: ToolDefinition[] = [
      {
        name: 'get_country',
        description: '',
        parameters: { additionalProperties: false, properties: {}, type: 'object' },
      },
    ];
    const question = Message.user('What is the capital of the user country? Call the tool');
    const first = await (await model.completionRequest(question).tools(tools).stream()).final;
    expectSent(loopback, 0, files[0]!);
    expect(first.choice).toEqual(EXPECTED_STREAMS[files[0]!]!.choice);
    const call = first.choice[0] as ToolCall;
    const second = await (
      await model
        .completionRequest(Message.toolResult(call.id, 'Mexico'))
        .messages([question, Message.assistant(first.choice)])
        .tools(tools)
        .stream()
    ).final;
    expectSent(loopback, 1, files[1]!);
    expect(second.choice).toEqual([{ type: 'text', text: 'The capital of Mexico is Mexico City.' }]);
  });

  // pydantic-ai's older SDK sent these tools as OpenAPI `parameters` (`type: "STRING"`); rig-ts sends the JSON Schema as is.
  const capitalTools: ToolDefinition[] = [
    {
      name: 'get_capital',
      description: 'Get the capital of a country.',
      parameters: {
        type: 'object',
        properties: { country: { type: 'string', description: 'The country name.' } },
        required: ['country'],
      },
    },
    {
      name: 'get_temperature',
      description: 'Get the temperature in a city.',
      parameters: {
        type: 'object',
        properties: { city: { type: 'string', description: 'The city name.' } },
        required: ['city'],
      },
    },
  ];
  const capitalToolsOnTheWire = [
    {
      functionDeclarations: capitalTools.map(({ name, description, parameters }) => ({
        name,
        description,
        parametersJsonSchema: parameters,
      })),
    },
  ];

  it('test_google_model_iter_stream: two streamed tool turns, then the answer', async () => {
    const files = [0, 1, 2].map((index) => `${P}test_google_model_iter_stream.${index}.response.sse`);
    const { loopback, client } = await replay(files);
    const model = client.completionModel('gemini-2.0-flash');
    const question = Message.user('What is the temperature of the capital of France?');
    const history: Message[] = [question];
    let prompt: Message = question;
    const results = ['Paris', '30°C'];
    for (let turn = 0; turn < 3; turn++) {
      const stream = await model
        .completionRequest(prompt)
        .preamble('You are a helpful chatbot.')
        .messages(history.slice(0, -1))
        .tools(capitalTools)
        .stream();
      const final = await stream.final;
      expectSent(loopback, turn, files[turn]!, { tools: capitalToolsOnTheWire });
      expect(final.choice).toEqual(EXPECTED_STREAMS[files[turn]!]!.choice);
      if (turn === 2) break;
      history.push(Message.assistant(final.choice));
      prompt = Message.toolResult((final.choice[0] as ToolCall).id, results[turn]!);
      history.push(prompt);
    }
  });

  it('test_google_model_web_search_tool_stream: a streamed grounded answer sent back as history with googleSearch', async () => {
    const files = [
      `${P}test_google_model_web_search_tool_stream.0.response.sse`,
      `${P}test_google_model_web_search_tool_stream.1.response.json`,
    ];
    const { loopback, client } = await replay(files);
    const model = client.completionModel('gemini-2.5-pro', { providerTools: [{ googleSearch: {} }] });
    const question = Message.user('What is the weather in San Francisco today?');
    const first = await (await model.completionRequest(question).preamble('You are a helpful chatbot.').stream()).final;
    expectSent(loopback, 0, files[0]!);
    const second = await model
      .completionRequest('how about Mexico City?')
      .preamble('You are a helpful chatbot.')
      .messages([question, Message.assistant(first.choice)])
      .send();
    expectSent(loopback, 1, files[1]!);
    expect(summary(second)).toEqual(EXPECTED_JSON[files[1]!]);
  });

  it('test_google_native_output: an output schema becomes responseMimeType + responseJsonSchema', async () => {
    const file = `${P}test_google_native_output.0.response.json`;
    const { loopback, client } = await replay([file]);
    const response = await client
      .completionModel('gemini-2.0-flash', { responseModalities: ['TEXT'] })
      .completionRequest('What is the largest city in Mexico?')
      .outputSchema({
        description: 'A city and its country.',
        properties: { city: { type: 'string' }, country: { type: 'string' } },
        required: ['city', 'country'],
        title: 'CityLocation',
        type: 'object',
      })
      .send();
    expectSent(loopback, 0, file);
    expect(JSON.parse((response.choice[0] as { text: string }).text)).toEqual({
      city: 'Mexico City',
      country: 'Mexico',
    });
  });

  it('test_google_model_stream: temperature 0 and a preamble', async () => {
    const file = `${P}test_google_model_stream.0.response.sse`;
    const { loopback, client } = await replay([file]);
    const stream = await client
      .completionModel('gemini-2.0-flash-exp')
      .completionRequest('What is the capital of France?')
      .preamble('You are a helpful chatbot.')
      .temperature(0)
      .stream();
    let text = '';
    for await (const delta of stream.textStream) text += delta;
    expect(text).toBe('The capital of France is Paris.\n');
    expectSent(loopback, 0, file);
  });

  it('test_google_model_thinking_part_iter: thinkingConfig.includeThoughts from provider options', async () => {
    const file = `${P}test_google_model_thinking_part_iter.0.response.sse`;
    const { loopback, client } = await replay([file]);
    const dummy: ToolDefinition = { name: 'dummy', description: '', parameters: { type: 'object', properties: {} } };
    const final = await (
      await client
        .completionModel('gemini-2.5-pro')
        .completionRequest('How do I cross the street?')
        .preamble('You are a helpful assistant.')
        .tool(dummy)
        .providerOptions({ gemini: { thinkingConfig: { includeThoughts: true } } })
        .stream()
    ).final;
    expectSent(loopback, 0, file, {
      tools: [
        {
          functionDeclarations: [
            { name: 'dummy', description: '', parametersJsonSchema: { type: 'object', properties: {} } },
          ],
        },
      ],
    });
    expect(summary(final)).toEqual(EXPECTED_STREAMS[file]);
  });

  it('test_google_stream_usage_is_live_mid_stream: responseModalities from model options', async () => {
    const file = `${P}test_google_stream_usage_is_live_mid_stream.0.response.sse`;
    const { loopback, client } = await replay([file]);
    const stream = await client
      .completionModel('gemini-2.5-flash', { responseModalities: ['TEXT'] })
      .completionRequest('Count from 1 to 30, one number per line, digits only.')
      .stream();
    expect(stream.usage()).toBeUndefined();
    await stream.final;
    expect(stream.usage()).toEqual({ promptTokens: 18, completionTokens: 115, totalTokens: 133, reasoningTokens: 35 });
    expectSent(loopback, 0, file);
  });

  it('a reasoning block with its signature, and a signed text, go back on their parts', async () => {
    const fake = fakeFetch([{ chunks: [readTextFixture('google/vercel-ai/google-text.json')] }]);
    const model = new Client({ apiKey: 'k', baseURL: 'http://gemini.test/v1beta', fetch: fake.fetch }).completionModel(
      'gemini-3-pro-preview',
    );
    const signedText = EXPECTED_JSON['google/vercel-ai/google-text.json']!.choice[0]!;
    const reasoning: AssistantContent = {
      type: 'reasoning',
      content: [{ type: 'text', text: 'Counting letters.', signature: 'sig-reasoning' }],
    };
    await model
      .completionRequest('And in raspberry?')
      .messages([Message.user('How many r are in strawberry?'), Message.assistant([reasoning, signedText])])
      .send();
    expect(fake.requests[0]!.body).toEqual({
      contents: [
        { role: 'user', parts: [{ text: 'How many r are in strawberry?' }] },
        {
          role: 'model',
          parts: [
            { text: 'Counting letters.', thought: true, thoughtSignature: 'sig-reasoning' },
            {
              text: "There are **3** r's in strawberry.\n\nHere is the breakdown: st**r**awbe**rr**y.",
              thoughtSignature: readJsonFixture('google/vercel-ai/google-text.json').candidates[0].content.parts[0]
                .thoughtSignature,
            },
          ],
        },
        { role: 'user', parts: [{ text: 'And in raspberry?' }] },
      ],
      generationConfig: {},
    });
  });
});

describe('errors', () => {
  it('HTTP 429 RESOURCE_EXHAUSTED (recorded body) is a retryable http error with the provider message', async () => {
    const body = readTextFixture('google/vercel-ai/google-429-retry-info.json');
    const { loopback, client } = await serve((_request, response) => sendJson(response, 429, body));
    const error = await client
      .completionModel('gemini-2.5-flash')
      .completionRequest('Hi')
      .send()
      .catch((caught: unknown) => caught);
    expect(CompletionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      name: 'CompletionError.Http',
      kind: 'http',
      status: 429,
      isRetryable: true,
      body,
      providerError: {
        message: 'You exceeded your current quota, please check your plan.',
        type: 'RESOURCE_EXHAUSTED',
        code: 429,
      },
      message: `Gemini returned HTTP 429 Too Many Requests for POST ${loopback.url}/v1beta/models/gemini-2.5-flash:generateContent: You exceeded your current quota, please check your plan.`,
    });
    expect(JSON.stringify(error)).not.toContain('test-gemini-key');
  });

  it('a 429 is retried when the client allows it', async () => {
    const fake = fakeFetch([
      {
        status: 429,
        headers: { 'content-type': 'application/json', 'retry-after': '0' },
        chunks: [readTextFixture('google/vercel-ai/google-429-retry-info.json')],
      },
      { chunks: [readTextFixture('google/vercel-ai/google-text.json')] },
    ]);
    const response = await new Client({
      apiKey: 'k',
      baseURL: 'http://gemini.test/v1beta',
      fetch: fake.fetch,
      maxRetries: 1,
    })
      .completionModel('gemini-3-pro-preview')
      .completionRequest('Hi')
      .send();
    expect(fake.requests).toHaveLength(2);
    expect(summary(response)).toEqual(EXPECTED_JSON['google/vercel-ai/google-text.json']);
  });

  it('a blocked prompt (promptFeedback.blockReason, no candidate) is a provider error naming the reason', async () => {
    // Constructed from the documented shape: no recording of a blocked prompt exists.
    const blocked = {
      promptFeedback: { blockReason: 'PROHIBITED_CONTENT' },
      usageMetadata: { promptTokenCount: 12, totalTokenCount: 12 },
      modelVersion: 'gemini-2.5-flash',
      responseId: 'blocked-1',
    };
    const { client } = await serve((_request, response) => sendJson(response, 200, blocked));
    const error = await client
      .completionModel('gemini-2.5-flash')
      .completionRequest('Hi')
      .send()
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      name: 'CompletionError.Provider',
      kind: 'provider',
      isRetryable: false,
      providerError: { type: 'PROHIBITED_CONTENT', message: 'the prompt was blocked' },
      message: 'Gemini blocked the prompt (blockReason PROHIBITED_CONTENT): the prompt was blocked',
    });
  });

  it('a candidate stopped by SAFETY with no content is an empty content-filter answer', async () => {
    const filtered = {
      candidates: [{ finishReason: 'SAFETY', index: 0, safetyRatings: [] }],
      usageMetadata: { promptTokenCount: 7, totalTokenCount: 7 },
      responseId: 'r-1',
      modelVersion: 'gemini-2.5-flash',
    };
    const { client } = await serve((_request, response) => sendJson(response, 200, filtered));
    const response = await client.completionModel('gemini-2.5-flash').completionRequest('Hi').send();
    expect(summary(response)).toEqual({
      choice: [{ type: 'text', text: '' }],
      usage: { promptTokens: 7, completionTokens: 0, totalTokens: 7 },
      finishReason: 'content-filter',
      rawFinishReason: 'SAFETY',
      id: 'r-1',
      model: 'gemini-2.5-flash',
    });
  });

  it('a stream cut before any finishReason is a truncation error, after the items it did deliver', async () => {
    const lines = chunkLines('google/vercel-ai/google-text.chunks.txt').slice(0, -1);
    const { client } = await serve((_request, response) => sendSse(response, chunksToWire(lines, 'gemini')));
    const stream = await client.completionModel('gemini-3-pro-preview').completionRequest('Hi').stream();
    const items: StreamedAssistantContent[] = [];
    const error = await (async () => {
      for await (const item of stream) items.push(item);
    })().catch((caught: unknown) => caught);
    expect(items).toEqual([
      { type: 'text', text: 'There are **3**' },
      { type: 'text', text: ' "r"s in strawberry.\n\nst**r**awbe**rr**y' },
    ]);
    expect(error).toMatchObject({
      kind: 'response',
      reason: 'truncated',
      message: 'stream ended before the provider signalled completion (truncated response)',
    });
    await expect(stream.final).rejects.toBe(error);
  });

  it('an error event inside the stream is a provider error', async () => {
    const lines = chunkLines('google/vercel-ai/google-text.chunks.txt').slice(0, 1);
    const wire =
      chunksToWire(lines, 'gemini') +
      'data: {"error": {"code": 503, "message": "The model is overloaded. Please try again later.", "status": "UNAVAILABLE"}}\r\n\r\n';
    const { client } = await serve((_request, response) => sendSse(response, wire));
    const stream = await client.completionModel('gemini-3-pro-preview').completionRequest('Hi').stream();
    await expect(stream.final).rejects.toMatchObject({
      kind: 'provider',
      isRetryable: true,
      providerError: { message: 'The model is overloaded. Please try again later.', type: 'UNAVAILABLE', code: 503 },
      message: 'Gemini reported an error in the stream: The model is overloaded. Please try again later.',
    });
  });

  it('a frame that is not JSON is a malformed-response error', async () => {
    const { client } = await serve((_request, response) => sendSse(response, 'data: {"candidates": [\r\n\r\n'));
    const stream = await client.completionModel('gemini-2.5-flash').completionRequest('Hi').stream();
    await expect(stream.final).rejects.toMatchObject({
      kind: 'response',
      reason: 'malformed',
      message: 'stream sent a frame that is not valid JSON: {"candidates": [',
    });
  });

  it('a tool result whose tool name cannot be found is refused before sending', async () => {
    const { loopback, client } = await serve((_request, response) => sendJson(response, 200, {}));
    const error = await client
      .completionModel('gemini-2.5-flash')
      .completionRequest(Message.toolResult('call-unknown', '42'))
      .send()
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      kind: 'request',
      path: 'chatHistory[0].content[0].name',
      message:
        'chatHistory[0].content[0] answers tool call "call-unknown", whose name is unknown: Gemini needs it (set the result\'s name, or keep the call in the history)',
    });
    expect(loopback.requests).toHaveLength(0);
  });

  it('a body without candidates is an empty-response error', async () => {
    const { client } = await serve((_request, response) =>
      sendJson(response, 200, { usageMetadata: { promptTokenCount: 3, totalTokenCount: 3 } }),
    );
    await expect(client.completionModel('gemini-2.5-flash').completionRequest('Hi').send()).rejects.toMatchObject({
      kind: 'response',
      reason: 'empty',
      message: 'Gemini answered with no candidate: {"usageMetadata":{"promptTokenCount":3,"totalTokenCount":3}}',
    });
  });
});
