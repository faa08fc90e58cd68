import { CompletionError, PromptError } from '@rig-ts/core';
import { readJsonFixture } from '@rig-ts/fixtures';
import { OpenAIChatModel, OpenAIResponsesModel } from '@rig-ts/openai-wire';
import {
  describeRefusedApiOption,
  jsonResponse,
  openApiSpec,
  recordingFetch,
  replayRequest,
} from '@rig-ts/provider-tests';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as azure from './index.js';

afterEach(() => vi.unstubAllEnvs());

const openAISpec = openApiSpec('openai/spec/openapi.yaml');
const responsesText = readJsonFixture('azure/vercel-ai/azure-text.1.json');
const chatText = readJsonFixture('azure/vercel-ai/azure-deepseek-reasoning.1.json');
const answer = (body: { input?: unknown }) => jsonResponse(body.input ? responsesText : chatText);

describe('azure.Client', () => {
  it('uses the Responses API by default and Chat Completions on request, on v1 URLs with the api-key header', async () => {
    vi.stubEnv('AZURE_OPENAI_API_KEY', 'az-key');
    vi.stubEnv('AZURE_RESOURCE_NAME', 'contoso');
    const recorded = recordingFetch(answer);
    const client = new azure.Client({ fetch: recorded.fetch });
    const responses = client.completionModel('gpt-5.1');
    const chat = azure.chatCompletionsModel(client, 'deepseek-v4-pro');
    expect(responses).toBeInstanceOf(OpenAIResponsesModel);
    expect(chat).toBeInstanceOf(OpenAIChatModel);
    expect([responses.provider, chat.provider]).toEqual(['azure', 'azure']);
    expect(await responses.prompt('Say a word')).toBe('Word');
    expect(await chat.prompt('Invent a holiday')).toMatch(/^Absolutely! Based on the most recent Knicks game/);
    expect(recorded.requests).toEqual([
      {
        url: 'https://contoso.openai.azure.com/openai/v1/responses?api-version=v1',
        headers: { 'api-key': 'az-key', 'content-type': 'application/json' },
        body: {
          model: 'gpt-5.1',
          input: [{ role: 'user', content: 'Say a word' }],
          include: ['reasoning.encrypted_content'],
        },
      },
      {
        url: 'https://contoso.openai.azure.com/openai/v1/chat/completions?api-version=v1',
        headers: { 'api-key': 'az-key', 'content-type': 'application/json' },
        body: { model: 'deepseek-v4-pro', messages: [{ role: 'user', content: 'Invent a holiday' }] },
      },
    ]);
    expect(openAISpec('CreateResponse', recorded.requests[0]?.body)).toEqual([]);
    expect(openAISpec('CreateChatCompletionRequest', recorded.requests[1]?.body)).toEqual([]);
  });

  it('uses deployment URLs with a dated api-version, and honours baseURL and apiVersion', async () => {
    const recorded = recordingFetch(answer);
    const deployments = new azure.Client({
      apiKey: 'k',
      resourceName: 'contoso',
      useDeploymentBasedUrls: true,
      fetch: recorded.fetch,
    });
    await azure.chatCompletionsModel(deployments, 'my-gpt-4o').prompt('hi');
    await deployments.completionModel('my gpt-5').prompt('hi');
    await azure
      .chatCompletionsModel(
        new azure.Client({
          apiKey: 'k',
          baseURL: 'https://proxy.test/openai/',
          apiVersion: '2024-10-21',
          useDeploymentBasedUrls: true,
          fetch: recorded.fetch,
        }),
        'my-gpt-4o',
      )
      .prompt('hi');
    await new azure.Client({
      apiKey: 'k',
      baseURL: 'https://proxy.test/openai',
      apiVersion: 'preview',
      fetch: recorded.fetch,
    })
      .completionModel('gpt-4o')
      .prompt('hi');
    expect(recorded.requests.map((request) => request.url)).toEqual([
      'https://contoso.openai.azure.com/openai/deployments/my-gpt-4o/chat/completions?api-version=2025-04-01-preview',
      'https://contoso.openai.azure.com/openai/deployments/my%20gpt-5/responses?api-version=2025-04-01-preview',
      'https://proxy.test/openai/deployments/my-gpt-4o/chat/completions?api-version=2024-10-21',
      'https://proxy.test/openai/v1/responses?api-version=preview',
    ]);
  });

  it('reads AZURE_API_KEY when AZURE_OPENAI_API_KEY is absent, when a request is made', async () => {
    const recorded = recordingFetch(answer);
    const model = new azure.Client({ resourceName: 'contoso', fetch: recorded.fetch }).completionModel('gpt-5.1');
    vi.stubEnv('AZURE_OPENAI_API_KEY', '');
    vi.stubEnv('AZURE_API_KEY', 'az-second');
    await model.prompt('hi');
    expect(recorded.requests[0]?.headers['api-key']).toBe('az-second');
    expect(recorded.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('names the options and variables when the key or the resource is missing, and sends nothing', async () => {
    vi.stubEnv('AZURE_OPENAI_API_KEY', '');
    vi.stubEnv('AZURE_API_KEY', '');
    vi.stubEnv('AZURE_RESOURCE_NAME', '');
    const recorded = recordingFetch(answer);
    const noKey = await new azure.Client({ resourceName: 'contoso', fetch: recorded.fetch })
      .completionModel('gpt-5.1')
      .prompt('hi')
      .catch((caught: unknown) => caught);
    expect(PromptError.isInstance(noKey)).toBe(true);
    expect((noKey as PromptError).cause).toMatchObject({
      kind: 'request',
      message:
        'Azure OpenAI API key is missing: pass it as the apiKey option or set the AZURE_OPENAI_API_KEY or AZURE_API_KEY environment variable',
    });
    const noResource = await new azure.Client({ apiKey: 'k', fetch: recorded.fetch })
      .completionModel('gpt-5.1')
      .prompt('hi')
      .catch((caught: unknown) => caught);
    expect((noResource as PromptError).cause).toMatchObject({
      kind: 'request',
      path: 'resourceName',
      message:
        'Azure OpenAI resource is missing: pass resourceName or baseURL to new azure.Client(...) or set the AZURE_RESOURCE_NAME environment variable',
    });
    expect(recorded.requests).toEqual([]);
  });

  it('passes typed options of both APIs, validated against the OpenAI spec', async () => {
    const recorded = recordingFetch(answer);
    const client = new azure.Client({ apiKey: 'k', resourceName: 'contoso', fetch: recorded.fetch });
    await client
      .completionModel('gpt-5-mini', { reasoningEffort: 'low', reasoningSummary: 'auto', store: false })
      .completion(replayRequest);
    await azure
      .chatCompletionsModel(client, 'gpt-4o', { seed: 3 })
      .completionRequest('hi')
      .maxTokens(64)
      .providerOptions({ azure: { topP: 0.5 } })
      .send();
    expect(recorded.requests.map((request) => request.body)).toEqual([
      {
        model: 'gpt-5-mini',
        input: [{ role: 'user', content: 'hi' }],
        reasoning: { effort: 'low', summary: 'auto' },
        include: ['reasoning.encrypted_content'],
        store: false,
      },
      { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }], max_tokens: 64, seed: 3, top_p: 0.5 },
    ]);
    expect(openAISpec('CreateResponse', recorded.requests[0]?.body)).toEqual([]);
    expect(openAISpec('CreateChatCompletionRequest', recorded.requests[1]?.body)).toEqual([]);
  });
});

describeRefusedApiOption(
  () =>
    new azure.Client({ apiKey: 'k', resourceName: 'contoso' }).completionModel('gpt-5.1', {
      api: 'responses',
    } as never),
  "the api option is gone: completionModel() is the Responses API; for Chat Completions call azure.chatCompletionsModel(client, 'gpt-5.1', options)",
);
