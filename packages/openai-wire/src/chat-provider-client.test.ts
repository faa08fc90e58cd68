import { PromptError } from '@rig-ts/core';
import { readJsonFixture } from '@rig-ts/fixtures';
import { jsonResponse, recordingFetch } from '@rig-ts/provider-tests';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChatProviderClient, type ChatProviderDefinition } from './chat-provider-client.js';

const deepseekLike: ChatProviderDefinition = {
  provider: 'deepseek',
  displayName: 'DeepSeek',
  baseURL: 'https://api.deepseek.test/v1',
  apiKeyVariables: ['DEEPSEEK_API_KEY'],
  baseURLVariable: 'DEEPSEEK_BASE_URL',
  headers: { 'x-source': 'rig-ts' },
  quirks: { reasoningField: 'reasoning_content', maxTokensField: 'max_tokens' },
};

afterEach(() => vi.unstubAllEnvs());

describe('ChatProviderClient', () => {
  it('builds models on the provider with its quirks, headers and env key', async () => {
    vi.stubEnv('DEEPSEEK_API_KEY', 'ds-key');
    const recorded = recordingFetch(() => jsonResponse(readJsonFixture('deepseek/vercel-ai/deepseek-reasoning.json')));
    const client = new ChatProviderClient(deepseekLike, { fetch: recorded.fetch, headers: { 'x-team': 'a' } });
    const model = client.completionModel('deepseek-reasoner', { seed: 3 });
    expect(model.provider).toBe('deepseek');
    expect(model.quirks).toMatchObject({ reasoningField: 'reasoning_content', maxTokensField: 'max_tokens' });
    const response = await model
      .completionRequest('hi')
      .maxTokens(10)
      .providerOptions({ deepseek: { seed: 4 } })
      .send();
    expect(response.choice[0]?.type).toBe('reasoning');
    expect(recorded.requests[0]).toMatchObject({
      url: 'https://api.deepseek.test/v1/chat/completions',
      headers: { authorization: 'Bearer ds-key', 'x-source': 'rig-ts', 'x-team': 'a' },
      body: { model: 'deepseek-reasoner', messages: [{ role: 'user', content: 'hi' }], max_tokens: 10, seed: 4 },
    });
  });

  it('honours the base URL variable and explicit options, and names the key variable when it is missing', async () => {
    vi.stubEnv('DEEPSEEK_BASE_URL', 'https://proxy.test/v1');
    vi.stubEnv('DEEPSEEK_API_KEY', '');
    const recorded = recordingFetch(() => jsonResponse(readJsonFixture('deepseek/vercel-ai/deepseek-text.json')));
    const error = await new ChatProviderClient(deepseekLike, { fetch: recorded.fetch })
      .completionModel('deepseek-chat')
      .prompt('hi')
      .catch((caught: unknown) => caught);
    expect(PromptError.isInstance(error)).toBe(true);
    expect((error as PromptError).cause).toMatchObject({
      kind: 'request',
      message:
        'DeepSeek API key is missing: pass it as the apiKey option or set the DEEPSEEK_API_KEY environment variable',
    });
    await new ChatProviderClient(deepseekLike, { fetch: recorded.fetch, apiKey: 'k' })
      .completionModel('deepseek-chat')
      .prompt('hi');
    expect(recorded.requests[0]?.url).toBe('https://proxy.test/v1/chat/completions');
  });

  it('sends no key where none is needed', async () => {
    const recorded = recordingFetch(() => jsonResponse(readJsonFixture('deepseek/vercel-ai/deepseek-text.json')));
    await new ChatProviderClient(
      { provider: 'local', displayName: 'Local', baseURL: 'http://127.0.0.1:8080/v1' },
      { fetch: recorded.fetch },
    )
      .completionModel('m')
      .prompt('hi');
    expect(recorded.requests[0]?.headers.authorization).toBeUndefined();
  });
});
