import { CompletionError, Message, PromptError } from '@rig-ts/core';
import { chunkLines, chunksToWire, readJsonFixture } from '@rig-ts/fixtures';
import { sendJson, sendSse, startLoopbackServer, type LoopbackServer } from '@rig-ts/fixtures/loopback';
import { OpenAIChatModel, OpenAIResponsesModel } from '@rig-ts/openai-wire';
import { describeRefusedApiOption, useTestServer } from '@rig-ts/provider-tests';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as openai from './index.js';

const servers = useTestServer(startLoopbackServer);
afterEach(() => vi.unstubAllEnvs());

const responsesBody = readJsonFixture('openai-responses/pydantic-ai/test_openai_responses_model_retry.1.response.json');
const chatBody = readJsonFixture('openai/vercel-ai/openai-text.json');

async function serveOpenAI(): Promise<LoopbackServer> {
  const server = await servers.start((request, response) => {
    const body = JSON.parse(request.body) as { stream?: boolean };
    if (request.url === '/v1/responses') {
      if (body.stream)
        sendSse(response, chunksToWire(chunkLines('azure/vercel-ai/azure-text.1.chunks.txt'), 'typed-events'));
      else sendJson(response, 200, responsesBody, { 'x-request-id': 'req_r' });
    } else if (request.url === '/v1/chat/completions') {
      if (body.stream) sendSse(response, chunksToWire(chunkLines('openai/vercel-ai/openai-text.chunks.txt'), 'chat'));
      else sendJson(response, 200, chatBody);
    } else sendJson(response, 404, { error: { message: `no route ${request.url}` } });
  });
  return server;
}

describe('openai.Client', () => {
  it('gives the Responses API from completionModel and Chat Completions from chatCompletionsModel', async () => {
    const loopback = await serveOpenAI();
    const client = new openai.Client({ apiKey: 'sk-1', baseURL: `${loopback.url}/v1` });
    const responsesModel = client.completionModel('gpt-4o');
    const chatModel = openai.chatCompletionsModel(client, 'gpt-4.1-nano');
    expect(responsesModel).toBeInstanceOf(OpenAIResponsesModel);
    expect(chatModel).toBeInstanceOf(OpenAIChatModel);
    expect([responsesModel.provider, responsesModel.modelId, chatModel.modelId]).toEqual([
      'openai',
      'gpt-4o',
      'gpt-4.1-nano',
    ]);
    expect(await responsesModel.prompt('What is the location of Londos and London?')).toMatch(
      /^It seems "Londos" might be incorrect/,
    );
    expect(await chatModel.prompt('Invent a holiday')).toMatch(/^\*\*Holiday Name:\*\* Galaxy Day/);
    expect(loopback.requests.map((request) => [request.url, request.headers.authorization])).toEqual([
      ['/v1/responses', 'Bearer sk-1'],
      ['/v1/chat/completions', 'Bearer sk-1'],
    ]);
  });

  it('streams on both APIs', async () => {
    const loopback = await serveOpenAI();
    const client = new openai.Client({ apiKey: 'sk-1', baseURL: `${loopback.url}/v1` });
    const texts: string[] = [];
    for await (const text of (await client.completionModel('gpt-4o').streamPrompt('hi')).textStream) texts.push(text);
    expect(texts.join('')).toBe('Hello');
    const chat = await openai
      .chatCompletionsModel(client, 'gpt-4.1-nano')
      .streamChat('Invent a holiday', [Message.user('earlier')]);
    expect((await chat.final).usage).toEqual({
      promptTokens: 16,
      completionTokens: 300,
      totalTokens: 316,
      cachedPromptTokens: 0,
      reasoningTokens: 0,
    });
    expect(JSON.parse(loopback.requests[1]!.body)).toMatchObject({
      messages: [
        { role: 'user', content: 'earlier' },
        { role: 'user', content: 'Invent a holiday' },
      ],
      stream_options: { include_usage: true },
    });
  });

  it('reads OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_ORG_ID and OPENAI_PROJECT_ID', async () => {
    const loopback = await serveOpenAI();
    vi.stubEnv('OPENAI_API_KEY', 'sk-env');
    vi.stubEnv('OPENAI_BASE_URL', `${loopback.url}/v1`);
    vi.stubEnv('OPENAI_ORG_ID', 'org-1');
    vi.stubEnv('OPENAI_PROJECT_ID', 'proj-1');
    await openai.Client.fromEnv().completionModel('gpt-4o').prompt('hi');
    expect(loopback.requests[0]?.headers).toMatchObject({
      authorization: 'Bearer sk-env',
      'openai-organization': 'org-1',
      'openai-project': 'proj-1',
    });
  });

  it('lets explicit options win over the environment', async () => {
    const loopback = await serveOpenAI();
    vi.stubEnv('OPENAI_API_KEY', 'sk-env');
    vi.stubEnv('OPENAI_BASE_URL', 'http://127.0.0.1:9/v1');
    await new openai.Client({
      apiKey: 'sk-explicit',
      baseURL: `${loopback.url}/v1/`,
      organization: 'org-x',
      headers: { 'x-team': 'a' },
    })
      .completionModel('gpt-4o')
      .prompt('hi');
    expect(loopback.requests[0]?.headers).toMatchObject({
      authorization: 'Bearer sk-explicit',
      'openai-organization': 'org-x',
      'x-team': 'a',
    });
  });

  it('reads the key at request time: constructing never throws, a missing key names the option and the variable', async () => {
    vi.stubEnv('OPENAI_API_KEY', '');
    const model = openai.Client.fromEnv().completionModel('gpt-4o');
    const error = await model.prompt('hi').catch((caught: unknown) => caught);
    expect(PromptError.isInstance(error)).toBe(true);
    expect((error as PromptError).cause).toMatchObject({
      kind: 'request',
      message: 'OpenAI API key is missing: pass it as the apiKey option or set the OPENAI_API_KEY environment variable',
    });
    const loopback = await serveOpenAI();
    vi.stubEnv('OPENAI_API_KEY', 'sk-late');
    vi.stubEnv('OPENAI_BASE_URL', `${loopback.url}/v1`);
    await openai.Client.fromEnv().completionModel('gpt-4o').prompt('hi');
    expect(loopback.requests[0]?.headers.authorization).toBe('Bearer sk-late');
  });

  it('passes model-level typed options to the request', async () => {
    const loopback = await serveOpenAI();
    const client = new openai.Client({ apiKey: 'k', baseURL: `${loopback.url}/v1` });
    await client.completionModel('gpt-5', { reasoningEffort: 'minimal', store: false }).prompt('hi');
    await openai
      .chatCompletionsModel(client, 'o3', { reasoningEffort: 'high' })
      .completionRequest('hi')
      .maxTokens(64)
      .send();
    expect(JSON.parse(loopback.requests[0]!.body)).toEqual({
      model: 'gpt-5',
      input: [{ role: 'user', content: 'hi' }],
      reasoning: { effort: 'minimal' },
      include: ['reasoning.encrypted_content'],
      store: false,
    });
    expect(JSON.parse(loopback.requests[1]!.body)).toEqual({
      model: 'o3',
      messages: [{ role: 'user', content: 'hi' }],
      max_completion_tokens: 64,
      reasoning_effort: 'high',
    });
  });

  it('documents its defaults', () => {
    expect(openai.OPENAI_DEFAULTS).toEqual({
      baseURL: 'https://api.openai.com/v1',
      apiKeyVariable: 'OPENAI_API_KEY',
      baseURLVariable: 'OPENAI_BASE_URL',
      organizationVariable: 'OPENAI_ORG_ID',
      projectVariable: 'OPENAI_PROJECT_ID',
    });
  });
});

describeRefusedApiOption(
  () => new openai.Client({ apiKey: 'k' }).completionModel('gpt-4o', { api: 'chat' } as never),
  "the api option is gone: completionModel() is the Responses API; for Chat Completions call openai.chatCompletionsModel(client, 'gpt-4o', options)",
);
