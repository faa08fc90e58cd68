import {
  CompletionError,
  Message,
  UserContent,
  type CompletionResponse,
  type StreamedAssistantContent,
  type ToolDefinition,
} from '@rig-ts/core';
import { chunksToWire, randomCuts, splitBytes } from '@rig-ts/fixtures';
import { startLoopbackServer, type Handler, type LoopbackServer } from '@rig-ts/fixtures/loopback';
import { useTestServer } from '@rig-ts/provider-tests';
import { describe, expect, it } from 'vitest';
import type { OllamaResponse } from './ollama-api-types.js';
import type { OllamaCompletionModel } from './ollama-completion-model.js';
import { Client } from './ollama-provider.js';
import { chatExamples, chatRequestValidator, type DocumentedExample } from './test-utils/ollama-docs.js';

const servers = useTestServer(startLoopbackServer);

async function serve(handler: Handler): Promise<{ loopback: LoopbackServer; client: Client }> {
  const server = await servers.start(handler);
  return { loopback: server, client: new Client({ baseURL: server.url, maxRetries: 0 }) };
}

const examples = chatExamples();
const validateChatRequest = chatRequestValidator();
const example = (title: string): DocumentedExample => examples.get(title)!;
const ndjson = (responses: readonly unknown[]): string =>
  chunksToWire(
    responses.map((response) => JSON.stringify(response)),
    'ndjson',
  );

interface Scenario {
  title: string;
  streamed: boolean;
  run(model: (id: string) => OllamaCompletionModel, streamed: boolean): Promise<CompletionResponse<OllamaResponse>>;
  expected: Pick<CompletionResponse, 'choice' | 'usage' | 'finishReason' | 'rawFinishReason' | 'model'>;
}

const getWeather: ToolDefinition = {
  name: 'get_weather',
  description: 'Get the weather in a given city',
  parameters: {
    type: 'object',
    properties: { city: { type: 'string', description: 'The city to get the weather for' } },
    required: ['city'],
  },
};
const getCurrentWeather: ToolDefinition = {
  name: 'get_current_weather',
  description: 'Get the current weather for a location',
  parameters: {
    type: 'object',
    properties: {
      location: { type: 'string', description: 'The location to get the weather for, e.g. San Francisco, CA' },
      format: {
        type: 'string',
        description: "The format to return the weather in, e.g. 'celsius' or 'fahrenheit'",
        enum: ['celsius', 'fahrenheit'],
      },
    },
    required: ['location', 'format'],
  },
};
const IMAGE = (example('Chat request (with images)').request.messages as { images: string[] }[])[0]!.images[0]!;

async function send(
  builder: ReturnType<OllamaCompletionModel['completionRequest']>,
  streamed: boolean,
): Promise<CompletionResponse<OllamaResponse>> {
  return streamed ? (await builder.stream()).final : builder.send();
}

// Each documented /api/chat example, reproduced through the public API (the docs' model names and bodies).
const SCENARIOS: Scenario[] = [
  {
    title: 'Chat request (Streaming)',
    streamed: true,
    run: (model, streamed) => send(model('llama3.2').completionRequest('why is the sky blue?'), streamed),
    expected: {
      choice: [{ type: 'text', text: 'The' }],
      usage: { promptTokens: 26, completionTokens: 282, totalTokens: 308 },
      finishReason: 'stop',
      model: 'llama3.2',
    },
  },
  {
    title: 'Chat request (Streaming with tools)',
    streamed: true,
    run: (model, streamed) =>
      send(model('llama3.2').completionRequest('what is the weather in tokyo?').tool(getWeather), streamed),
    expected: {
      choice: [
        { type: 'tool-call', id: 'ollama-call-0', function: { name: 'get_weather', arguments: { city: 'Tokyo' } } },
      ],
      usage: { promptTokens: 169, completionTokens: 15, totalTokens: 184 },
      finishReason: 'tool-calls',
      rawFinishReason: 'stop',
      model: 'llama3.2',
    },
  },
  {
    title: 'Chat request (No streaming)',
    streamed: false,
    run: (model, streamed) => send(model('llama3.2').completionRequest('why is the sky blue?'), streamed),
    expected: {
      choice: [{ type: 'text', text: 'Hello! How are you today?' }],
      usage: { promptTokens: 26, completionTokens: 298, totalTokens: 324 },
      finishReason: 'stop',
      model: 'llama3.2',
    },
  },
  {
    title: 'Chat request (No streaming, with tools)',
    streamed: false,
    run: (model, streamed) =>
      send(model('llama3.2').completionRequest('what is the weather in tokyo?').tool(getWeather), streamed),
    expected: {
      choice: [
        { type: 'tool-call', id: 'ollama-call-0', function: { name: 'get_weather', arguments: { city: 'Tokyo' } } },
      ],
      usage: { promptTokens: 169, completionTokens: 18, totalTokens: 187 },
      finishReason: 'tool-calls',
      rawFinishReason: 'stop',
      model: 'llama3.2',
    },
  },
  {
    title: 'Chat request (Structured outputs)',
    streamed: false,
    run: (model, streamed) =>
      send(
        model('llama3.1')
          .completionRequest(
            'Ollama is 22 years old and busy saving the world. Return a JSON object with the age and availability.',
          )
          .outputSchema({
            type: 'object',
            properties: { age: { type: 'integer' }, available: { type: 'boolean' } },
            required: ['age', 'available'],
          })
          .temperature(0),
        streamed,
      ),
    expected: {
      choice: [{ type: 'text', text: '{"age": 22, "available": false}' }],
      usage: { promptTokens: 34, completionTokens: 12, totalTokens: 46 },
      finishReason: 'stop',
      rawFinishReason: 'stop',
      model: 'llama3.1',
    },
  },
  {
    title: 'Chat request (With History)',
    streamed: true,
    run: (model, streamed) =>
      send(
        model('llama3.2')
          .completionRequest('how is that different than mie scattering?')
          .messages([Message.user('why is the sky blue?'), Message.assistant('due to rayleigh scattering.')]),
        streamed,
      ),
    expected: {
      choice: [{ type: 'text', text: 'The' }],
      usage: { promptTokens: 61, completionTokens: 468, totalTokens: 529 },
      finishReason: 'stop',
      model: 'llama3.2',
    },
  },
  {
    title: 'Chat request (With history, with tools)',
    streamed: false,
    run: (model, streamed) =>
      send(
        model('llama3.2')
          .completionRequest(Message.toolResult('ollama-call-0', '11 degrees celsius'))
          .messages([
            Message.user('what is the weather in Toronto?'),
            Message.assistant([
              {
                type: 'tool-call',
                id: 'ollama-call-0',
                function: { name: 'get_weather', arguments: { city: 'Toronto' } },
              },
            ]),
          ])
          .tool(getWeather),
        streamed,
      ),
    expected: {
      choice: [{ type: 'text', text: 'The current temperature in Toronto is 11°C.' }],
      usage: { promptTokens: 94, completionTokens: 11, totalTokens: 105 },
      finishReason: 'stop',
      rawFinishReason: 'stop',
      model: 'llama3.2',
    },
  },
  {
    title: 'Chat request (with images)',
    streamed: true,
    run: (model, streamed) =>
      send(
        model('llava').completionRequest(
          Message.user([UserContent.text('what is in this image?'), UserContent.imageBase64(IMAGE, 'image/png')]),
        ),
        streamed,
      ),
    expected: {
      choice: [
        {
          type: 'text',
          text: " The image features a cute, little pig with an angry facial expression. It's wearing a heart on its shirt and is waving in the air. This scene appears to be part of a drawing or sketching project.",
        },
      ],
      usage: { promptTokens: 26, completionTokens: 83, totalTokens: 109 },
      finishReason: 'stop',
      model: 'llava',
    },
  },
  {
    title: 'Chat request (Reproducible outputs)',
    streamed: true,
    run: (model, streamed) =>
      send(
        model('llama3.2')
          .completionRequest('Hello!')
          .providerOptions({ ollama: { options: { seed: 101 } } })
          .temperature(0),
        streamed,
      ),
    expected: {
      choice: [{ type: 'text', text: 'Hello! How are you today?' }],
      usage: { promptTokens: 26, completionTokens: 298, totalTokens: 324 },
      finishReason: 'stop',
      model: 'llama3.2',
    },
  },
  {
    title: 'Chat request (with tools)',
    streamed: false,
    run: (model, streamed) =>
      send(
        model('llama3.2').completionRequest('What is the weather today in Paris?').tool(getCurrentWeather),
        streamed,
      ),
    expected: {
      choice: [
        {
          type: 'tool-call',
          id: 'ollama-call-0',
          function: { name: 'get_current_weather', arguments: { format: 'celsius', location: 'Paris, FR' } },
        },
      ],
      usage: { promptTokens: 122, completionTokens: 33, totalTokens: 155 },
      finishReason: 'tool-calls',
      rawFinishReason: 'stop',
      model: 'llama3.2',
    },
  },
];

function summary(response: CompletionResponse): Scenario['expected'] {
  const { choice, usage, finishReason, rawFinishReason, model } = response;
  const expected: Scenario['expected'] = { choice: [...choice], usage, finishReason };
  if (rawFinishReason !== undefined) expected.rawFinishReason = rawFinishReason;
  if (model !== undefined) expected.model = model;
  return expected;
}

/** The documented request, as rig-ts sends it: `stream` is always explicit (the docs leave the default, `true`, out). */
function documentedBody(scenario: Scenario): { [key: string]: unknown } {
  return { stream: true, ...example(scenario.title).request };
}

/** The documented answer as the wire carries it: NDJSON lines when streamed, one JSON body otherwise. */
function documentedAnswer(scenario: Scenario): { contentType: string; body: string } {
  const responses = example(scenario.title).responses;
  return scenario.streamed
    ? { contentType: 'application/x-ndjson', body: ndjson(responses) }
    : { contentType: 'application/json; charset=utf-8', body: JSON.stringify(responses[0]) };
}

/** The one non-streamed body a stream of `responses` stands for: the message fields joined, the final object's counts. */
function asOneBody(responses: readonly OllamaResponse[]): OllamaResponse {
  const final = responses[responses.length - 1]!;
  const message = {
    role: 'assistant' as const,
    content: '',
    thinking: '',
    tool_calls: [] as NonNullable<NonNullable<OllamaResponse['message']>['tool_calls']>,
  };
  for (const response of responses) {
    message.content += response.message?.content ?? '';
    message.thinking += response.message?.thinking ?? '';
    message.tool_calls.push(...(response.message?.tool_calls ?? []));
  }
  return { ...final, message };
}

describe('replaying the documented /api/chat examples', () => {
  it('covers every chat example of the docs (loading and unloading a model send no messages, which rig-ts refuses)', () => {
    expect([...examples.keys()].sort()).toEqual(
      [...SCENARIOS.map((scenario) => scenario.title), 'Load a model', 'Unload a model'].sort(),
    );
  });

  it.each(SCENARIOS)(
    '$title: the documented request, validated against the OpenAPI spec, and the exact result',
    async (scenario) => {
      const answer = documentedAnswer(scenario);
      const { loopback, client } = await serve((_request, response) => {
        response.writeHead(200, { 'content-type': answer.contentType });
        response.end(answer.body);
      });
      const response = await scenario.run((id) => client.completionModel(id), scenario.streamed);
      expect(summary(response)).toEqual(scenario.expected);
      expect(response.rawResponse).toEqual(example(scenario.title).responses.at(-1));
      expect((response.rawResponse as OllamaResponse & { tokenUsage(): unknown }).tokenUsage()).toEqual(
        scenario.expected.usage,
      );
      const sent = loopback.requests[0]!;
      expect(sent.url).toBe('/api/chat');
      expect(sent.headers.authorization).toBeUndefined();
      const body = JSON.parse(sent.body);
      expect(body).toEqual(documentedBody(scenario));
      expect(validateChatRequest(body)).toEqual([]);
    },
  );

  it.each(SCENARIOS)('$title: streamed and non-streamed answers of the same content agree', async (scenario) => {
    const responses = example(scenario.title).responses;
    const answers = [
      { status: 200, contentType: 'application/x-ndjson', body: ndjson(responses) },
      { status: 200, contentType: 'application/json', body: JSON.stringify(asOneBody(responses)) },
    ];
    const { client } = await serve((_request, response, index) => {
      response.writeHead(answers[index]!.status, { 'content-type': answers[index]!.contentType });
      response.end(answers[index]!.body);
    });
    const streamed = await scenario.run((id) => client.completionModel(id), true);
    const completed = await scenario.run((id) => client.completionModel(id), false);
    expect(summary(streamed)).toEqual(scenario.expected);
    expect(summary(completed)).toEqual(scenario.expected);
  });

  it.each(SCENARIOS)('$title: NDJSON split at random byte offsets and byte by byte', async (scenario) => {
    const wire = new TextEncoder().encode(ndjson(example(scenario.title).responses));
    const splits = [1, 2, 3].map((seed) => splitBytes(wire, randomCuts(wire.length, 30, seed)));
    splits.push(Array.from({ length: wire.length }, (_, index) => wire.subarray(index, index + 1)));
    for (const chunks of splits) {
      const fetch = async () =>
        new Response(
          new ReadableStream<Uint8Array>({
            start(controller) {
              for (const chunk of chunks) controller.enqueue(chunk);
              controller.close();
            },
          }),
          { headers: { 'content-type': 'application/x-ndjson' } },
        );
      const client = new Client({ baseURL: 'http://ollama.test', fetch });
      const stream = await scenario.run((id) => client.completionModel(id), true);
      expect(summary(stream)).toEqual(scenario.expected);
    }
  });

  it('streams items as they come, and a final item with the aggregated response', async () => {
    const scenario = SCENARIOS[1]!;
    const { client } = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/x-ndjson' });
      response.end(ndjson(example(scenario.title).responses));
    });
    const stream = await client
      .completionModel('llama3.2')
      .completionRequest('what is the weather in tokyo?')
      .tool(getWeather)
      .stream();
    const items: StreamedAssistantContent[] = [];
    for await (const item of stream) items.push(item);
    const final = await stream.final;
    expect(items).toEqual([
      { type: 'tool-call-delta', id: 'ollama-call-0', name: 'get_weather', argumentsDelta: '{"city":"Tokyo"}' },
      {
        type: 'tool-call',
        toolCall: {
          type: 'tool-call',
          id: 'ollama-call-0',
          function: { name: 'get_weather', arguments: { city: 'Tokyo' } },
        },
      },
      { type: 'final', usage: final.usage, finishReason: 'tool-calls', rawFinishReason: 'stop', response: final },
    ]);
    expect(stream.usage()).toEqual({ promptTokens: 169, completionTokens: 15, totalTokens: 184 });
  });
});

/** A `fetch` that records each request body and answers with the documented non-streamed answer. */
function capturingFetch(): { fetch: typeof globalThis.fetch; bodies: unknown[] } {
  const bodies: unknown[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    bodies.push(JSON.parse(await new Request(input, init).text()));
    return new Response(JSON.stringify(example('Chat request (No streaming)').responses[0]), {
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetch, bodies };
}

describe('request bodies against the OpenAPI spec', () => {
  it.each([
    ['think: true (capabilities/thinking)', { think: true }, { think: true }],
    ['think: "low" (the spec example for GPT-OSS)', { think: 'low' as const }, { think: 'low' }],
    [
      'keep_alive and logprobs',
      { keepAlive: '10m', logprobs: true, topLogprobs: 3 },
      { keep_alive: '10m', logprobs: true, top_logprobs: 3 },
    ],
    ['format: "json"', { format: 'json' as const }, { format: 'json' }],
  ])('%s', async (_case, options, fields) => {
    const capture = capturingFetch();
    await new Client({ baseURL: 'http://ollama.test', fetch: capture.fetch })
      .completionModel('qwen3', options)
      .completionRequest('How many letter r are in strawberry?')
      .send();
    const body = capture.bodies[0];
    expect(body).toEqual({
      model: 'qwen3',
      messages: [{ role: 'user', content: 'How many letter r are in strawberry?' }],
      stream: false,
      ...fields,
    });
    expect(validateChatRequest(body)).toEqual([]);
  });

  it('a whole conversation (system, documents, images, reasoning, parallel calls, results) validates', async () => {
    const capture = capturingFetch();
    await new Client({ baseURL: 'http://ollama.test', fetch: capture.fetch })
      .completionModel('qwen3', { options: { num_ctx: 8192 } })
      .completionRequest(Message.toolResult('ollama-call-1', 'Partly cloudy'))
      .preamble('You are a weather assistant.')
      .document({ id: 'cities', text: 'New York, London' })
      .messages([
        Message.user([
          UserContent.text('What are the current weather conditions and temperature in New York?'),
          UserContent.imageBase64(IMAGE, 'image/png'),
        ]),
        Message.assistant([
          { type: 'reasoning', content: [{ type: 'text', text: 'Two tools to call.' }] },
          {
            type: 'tool-call',
            id: 'ollama-call-0',
            function: { name: 'get_temperature', arguments: { city: 'New York' } },
          },
          {
            type: 'tool-call',
            id: 'ollama-call-1',
            function: { name: 'get_conditions', arguments: { city: 'New York' } },
          },
        ]),
        Message.toolResult('ollama-call-0', '22°C'),
      ])
      .maxTokens(300)
      .send();
    const body = capture.bodies[0];
    expect(body).toEqual({
      model: 'qwen3',
      messages: [
        { role: 'system', content: 'You are a weather assistant.' },
        { role: 'user', content: '<file id: cities>\nNew York, London\n</file>\n' },
        {
          role: 'user',
          content: 'What are the current weather conditions and temperature in New York?',
          images: [IMAGE],
        },
        {
          role: 'assistant',
          content: '',
          thinking: 'Two tools to call.',
          tool_calls: [
            { function: { name: 'get_temperature', arguments: { city: 'New York' } } },
            { function: { name: 'get_conditions', arguments: { city: 'New York' } } },
          ],
        },
        { role: 'tool', content: '22°C', tool_name: 'get_temperature' },
        { role: 'tool', content: 'Partly cloudy', tool_name: 'get_conditions' },
      ],
      stream: false,
      options: { num_ctx: 8192, num_predict: 300 },
    });
    expect(validateChatRequest(body)).toEqual([]);
  });

  it('the validator does catch bodies the spec forbids', () => {
    expect(
      validateChatRequest({ model: 'x', messages: [{ role: 'developer', content: 'hi' }], think: 'extreme' }),
    ).toEqual([
      '/messages/0/role must be equal to one of the allowed values',
      '/think must be boolean',
      '/think must be equal to one of the allowed values',
      '/think must match exactly one schema in oneOf',
    ]);
  });
});

describe('errors', () => {
  it('an HTTP error with an { error } body is an http error with the provider message', async () => {
    const { loopback, client } = await serve((_request, response) => {
      response.writeHead(404, { 'content-type': 'application/json; charset=utf-8' });
      response.end('{"error":"model \\"llama9\\" not found, try pulling it first"}');
    });
    const error = await client
      .completionModel('llama9')
      .completionRequest('Hi')
      .send()
      .catch((caught: unknown) => caught);
    expect(CompletionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      name: 'CompletionError.Http',
      kind: 'http',
      status: 404,
      isRetryable: false,
      providerError: { message: 'model "llama9" not found, try pulling it first' },
      message: `Ollama returned HTTP 404 Not Found for POST ${loopback.url}/api/chat: model "llama9" not found, try pulling it first`,
    });
  });

  it('an error line inside the stream (docs/api/errors) is a provider error after the items already streamed', async () => {
    const [first] = example('Chat request (Streaming)').responses;
    const { client } = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/x-ndjson' });
      response.end(ndjson([first, { error: 'an error was encountered while running the model' }]));
    });
    const stream = await client.completionModel('llama3.2').completionRequest('why is the sky blue?').stream();
    const items: StreamedAssistantContent[] = [];
    const error = await (async () => {
      for await (const item of stream) items.push(item);
    })().catch((caught: unknown) => caught);
    expect(items).toEqual([{ type: 'text', text: 'The' }]);
    expect(error).toMatchObject({
      kind: 'provider',
      isRetryable: false,
      providerError: { message: 'an error was encountered while running the model' },
      message: 'Ollama reported an error: an error was encountered while running the model',
    });
  });

  it('a stream that ends before the done object is truncated', async () => {
    const [first] = example('Chat request (Streaming)').responses;
    const { client } = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/x-ndjson' });
      response.end(ndjson([first]));
    });
    const stream = await client.completionModel('llama3.2').completionRequest('why is the sky blue?').stream();
    await expect(stream.final).rejects.toMatchObject({ kind: 'response', reason: 'truncated' });
  });

  it('a line that is not JSON is a malformed-response error', async () => {
    const { client } = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/x-ndjson' });
      response.end('{"model":"llama3.2","message":{"content":"Th\n');
    });
    const stream = await client.completionModel('llama3.2').completionRequest('Hi').stream();
    await expect(stream.final).rejects.toMatchObject({
      kind: 'response',
      reason: 'malformed',
      message: 'stream sent a frame that is not valid JSON: {"model":"llama3.2","message":{"content":"Th',
    });
  });

  it('content Ollama cannot take is refused before sending', async () => {
    const { loopback, client } = await serve((_request, response) => void response.end());
    await expect(
      client
        .completionModel('llava')
        .completionRequest(
          Message.user([UserContent.text('What is this?'), UserContent.imageUrl('https://example.com/cat.png')]),
        )
        .send(),
    ).rejects.toMatchObject({
      kind: 'request',
      path: 'chatHistory[0].content[1].source',
      message: 'chatHistory[0].content[1] is an image by url: Ollama takes images as base64 data only',
    });
    expect(loopback.requests).toHaveLength(0);
  });
});
