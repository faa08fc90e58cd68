import { CompletionError, PromptError } from '@rig-ts/core';
import { chunkLines, chunksToWire, readJsonFixture } from '@rig-ts/fixtures';
import { sendJson, sendSse, startLoopbackServer } from '@rig-ts/fixtures/loopback';
import { OpenAIChatModel, OpenAIResponsesModel } from '@rig-ts/openai-wire';
import {
  describeRefusedApiOption,
  jsonResponse,
  okChatStream,
  recordingFetch,
  replayRequest,
  useTestServer,
} from '@rig-ts/provider-tests';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as compatible from './index.js';

const servers = useTestServer(startLoopbackServer);
afterEach(() => vi.unstubAllEnvs());

const text = readJsonFixture('alibaba/vercel-ai/alibaba-text.json');

describe('compatible.Client', () => {
  it('documents its defaults and the known servers', () => {
    expect(compatible.OPENAI_COMPATIBLE_DEFAULTS).toEqual({
      chatPath: '/chat/completions',
      responsesPath: '/responses',
      quirks: {
        reasoningField: 'reasoning_content',
        sendReasoning: false,
        maxTokensField: 'max_tokens',
        systemRole: 'system',
        streamUsage: true,
        tools: true,
        toolChoice: true,
        structuredOutput: 'json_schema',
        strict: false,
        imageToolResults: false,
        requireDone: true,
      },
    });
    expect(
      Object.fromEntries(Object.entries(compatible.KNOWN_SERVERS).map(([key, server]) => [key, server.baseURL])),
    ).toEqual({
      vllm: 'http://localhost:8000/v1',
      llamaCpp: 'http://localhost:8080/v1',
      lmStudio: 'http://localhost:1234/v1',
      localAI: 'http://localhost:8080/v1',
      ollama: 'http://localhost:11434/v1',
    });
  });

  it('serves a local server over real HTTP with no key, streaming and not', async () => {
    const server = await servers.start((request, response) => {
      const body = JSON.parse(request.body) as { stream?: boolean };
      if (body.stream) sendSse(response, chunksToWire(chunkLines('alibaba/vercel-ai/alibaba-text.chunks.txt'), 'chat'));
      else sendJson(response, 200, text);
    });
    const client = new compatible.Client({ ...compatible.KNOWN_SERVERS.vllm, baseURL: `${server.url}/v1/` });
    const model = client.completionModel('qwen3-max');
    expect(model).toBeInstanceOf(OpenAIChatModel);
    expect([model.provider, model.quirks.reasoningField, model.quirks.streamUsage]).toEqual([
      'vllm',
      'reasoning_content',
      true,
    ]);
    expect(await model.prompt('Invent a holiday')).toMatch(/^## The Festival of Forgotten Things/);
    const streamed = await (await model.streamPrompt('Invent a holiday')).final;
    expect(streamed.usage).toEqual({
      promptTokens: 18,
      completionTokens: 779,
      totalTokens: 797,
      cachedPromptTokens: 0,
    });
    expect(
      server.requests.map((request) => [request.url, request.headers.authorization, JSON.parse(request.body)]),
    ).toEqual([
      [
        '/v1/chat/completions',
        undefined,
        { model: 'qwen3-max', messages: [{ role: 'user', content: 'Invent a holiday' }] },
      ],
      [
        '/v1/chat/completions',
        undefined,
        {
          model: 'qwen3-max',
          messages: [{ role: 'user', content: 'Invent a holiday' }],
          stream: true,
          stream_options: { include_usage: true },
        },
      ],
    ]);
  });

  it('reads the key from apiKeyVariable when a request is made, and names both when it is missing', async () => {
    const recorded = recordingFetch(() => jsonResponse(text));
    const client = new compatible.Client({
      name: 'dashscope',
      displayName: 'DashScope',
      baseURL: 'https://dashscope.test/compatible-mode/v1',
      apiKeyVariable: 'DASHSCOPE_API_KEY',
      fetch: recorded.fetch,
    });
    vi.stubEnv('DASHSCOPE_API_KEY', '');
    const error = await client
      .completionModel('qwen3-max')
      .prompt('hi')
      .catch((caught: unknown) => caught);
    expect(PromptError.isInstance(error)).toBe(true);
    expect((error as PromptError).cause).toMatchObject({
      kind: 'request',
      message:
        'DashScope API key is missing: pass it as the apiKey option or set the DASHSCOPE_API_KEY environment variable',
    });
    vi.stubEnv('DASHSCOPE_API_KEY', 'sk-dash');
    await client.completionModel('qwen3-max').prompt('hi');
    expect(recorded.requests).toEqual([
      {
        url: 'https://dashscope.test/compatible-mode/v1/chat/completions',
        headers: { authorization: 'Bearer sk-dash', 'content-type': 'application/json' },
        body: { model: 'qwen3-max', messages: [{ role: 'user', content: 'hi' }] },
      },
    ]);
  });

  it('sends the key the way the server wants, with headers, paths and typed options', async () => {
    const recorded = recordingFetch(() => jsonResponse(text));
    const client = new compatible.Client({
      name: 'gateway',
      baseURL: 'https://gateway.test/api',
      apiKey: 'gw-key',
      auth: 'api-key',
      headers: { 'x-tenant': 't1' },
      chatPath: '/v2/chat',
      fetch: recorded.fetch,
    });
    expect(client.definition).toEqual({
      provider: 'gateway',
      displayName: 'gateway',
      baseURL: 'https://gateway.test/api',
      path: '/v2/chat',
      auth: 'api-key',
      quirks: compatible.OPENAI_COMPATIBLE_DEFAULTS.quirks,
    });
    const model = client.completionModel('m', { seed: 7, topP: 0.5 });
    await model
      .completionRequest('hi')
      .maxTokens(20)
      .providerOptions({ gateway: { stop: ['END'] } })
      .send({ headers: { 'x-call': 'c' } });
    expect(recorded.requests).toEqual([
      {
        url: 'https://gateway.test/api/v2/chat',
        headers: { 'api-key': 'gw-key', 'content-type': 'application/json', 'x-tenant': 't1', 'x-call': 'c' },
        body: {
          model: 'm',
          messages: [{ role: 'user', content: 'hi' }],
          max_tokens: 20,
          seed: 7,
          top_p: 0.5,
          stop: ['END'],
        },
      },
    ]);
  });

  it('applies the quirk switches: max_completion_tokens, developer role, no stream usage, JSON mode, no tool choice', async () => {
    const recorded = recordingFetch(okChatStream);
    const model = new compatible.Client({
      name: 'quirky',
      baseURL: 'http://localhost:9000/v1',
      fetch: recorded.fetch,
      quirks: {
        maxTokensField: 'max_completion_tokens',
        systemRole: 'developer',
        streamUsage: false,
        structuredOutput: 'json_object',
        toolChoice: false,
      },
    }).completionModel('m');
    const schema = { type: 'object', properties: { a: { type: 'string' } } };
    const stream = await model
      .completionRequest('hi')
      .preamble('Be brief.')
      .maxTokens(50)
      .outputSchema(schema)
      .tool({ name: 'f', description: 'F', parameters: { type: 'object', properties: {} } })
      .toolChoice('required')
      .stream();
    const final = await stream.final;
    expect(recorded.requests[0]?.body).toEqual({
      model: 'm',
      messages: [
        {
          role: 'developer',
          content: `Be brief.\n\nAnswer with one JSON value only, matching this JSON Schema:\n${JSON.stringify(schema)}`,
        },
        { role: 'user', content: 'hi' },
      ],
      tools: [
        { type: 'function', function: { name: 'f', description: 'F', parameters: { type: 'object', properties: {} } } },
      ],
      max_completion_tokens: 50,
      response_format: { type: 'json_object' },
      stream: true,
    });
    expect(final.warnings).toEqual([
      { type: 'unsupported', feature: 'toolChoice', details: 'this server takes no tool_choice; the model decides' },
      {
        type: 'unsupported',
        feature: 'output schema',
        details:
          'this server does not enforce JSON schemas; the schema was put in the instructions and JSON mode turned on',
      },
    ]);
  });

  it('gives Responses API models on the same transport, at responsesPath', async () => {
    const recorded = recordingFetch(() =>
      jsonResponse(readJsonFixture('open-responses/vercel-ai/lmstudio-basic.1.json')),
    );
    const client = new compatible.Client({
      ...compatible.KNOWN_SERVERS.lmStudio,
      fetch: recorded.fetch,
      responsesPath: '/responses',
    });
    const model = compatible.responsesModel(client, 'mistralai/ministral-3-14b-reasoning', { reasoningEffort: 'low' });
    expect(model).toBeInstanceOf(OpenAIResponsesModel);
    expect(model.provider).toBe('lmstudio');
    const response = await model.completion(replayRequest);
    expect(response.choice).toEqual([
      { type: 'reasoning', id: expect.any(String), content: [{ type: 'text', text: 'reasoning content' }] },
      { type: 'text', text: 'text content', providerMetadata: { openai: { itemId: expect.any(String) } } },
    ]);
    expect(recorded.requests[0]).toMatchObject({
      url: 'http://localhost:1234/v1/responses',
      body: {
        model: 'mistralai/ministral-3-14b-reasoning',
        input: [{ role: 'user', content: 'hi' }],
        reasoning: { effort: 'low' },
      },
    });
  });
});

describeRefusedApiOption(
  () =>
    new compatible.Client({ name: 'local', baseURL: 'http://localhost:8000/v1' }).completionModel('local-model', {
      api: 'responses',
    } as never),
  "the api option is gone: completionModel() is Chat Completions; for the Responses API call compatible.responsesModel(client, 'local-model', options)",
);
