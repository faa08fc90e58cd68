import { PromptError } from '@rig-ts/core';
import { jsonResponse, okChatAnswer, recordingFetch, replayRequest } from '@rig-ts/provider-tests';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as openrouter from './index.js';

afterEach(() => vi.unstubAllEnvs());

describe('openrouter.Client', () => {
  it('reads OPENROUTER_API_KEY and OPENROUTER_BASE_URL, and sends the app attribution headers', async () => {
    vi.stubEnv('OPENROUTER_API_KEY', 'sk-or-env');
    vi.stubEnv('OPENROUTER_BASE_URL', 'https://gateway.test/api/v1');
    const recorded = recordingFetch(okChatAnswer);
    await new openrouter.Client({
      fetch: recorded.fetch,
      appName: 'Rig demo',
      appURL: 'https://demo.test',
      headers: { 'x-team': 'a' },
    })
      .completionModel('openai/gpt-4o')
      .prompt('hi');
    expect(recorded.requests).toEqual([
      {
        url: 'https://gateway.test/api/v1/chat/completions',
        headers: {
          authorization: 'Bearer sk-or-env',
          'content-type': 'application/json',
          'http-referer': 'https://demo.test',
          'x-title': 'Rig demo',
          'x-team': 'a',
        },
        body: { model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'hi' }] },
      },
    ]);
  });

  it('names the option and the variable when the key is missing', async () => {
    vi.stubEnv('OPENROUTER_API_KEY', '');
    const error = await openrouter.Client.fromEnv()
      .completionModel('openai/gpt-4o')
      .prompt('hi')
      .catch((caught: unknown) => caught);
    expect(PromptError.isInstance(error)).toBe(true);
    expect((error as PromptError).cause).toMatchObject({
      kind: 'request',
      message:
        'OpenRouter API key is missing: pass it as the apiKey option or set the OPENROUTER_API_KEY environment variable',
    });
  });

  it('sends routing, fallback, reasoning and usage options as OpenRouter takes them', async () => {
    const recorded = recordingFetch(okChatAnswer);
    const model = new openrouter.Client({ apiKey: 'k', fetch: recorded.fetch }).completionModel('openai/gpt-4o', {
      provider: { order: ['openai', 'azure'], allow_fallbacks: false },
      models: ['anthropic/claude-sonnet-4.5'],
    });
    await model
      .completionRequest('hi')
      .maxTokens(100)
      .providerOptions({
        openrouter: {
          reasoning: { effort: 'low', exclude: true },
          transforms: ['middle-out'],
          usage: { include: true },
        },
      })
      .send();
    expect(recorded.requests[0]?.body).toEqual({
      model: 'openai/gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
      max_completion_tokens: 100,
      reasoning: { effort: 'low', exclude: true },
      provider: { order: ['openai', 'azure'], allow_fallbacks: false },
      models: ['anthropic/claude-sonnet-4.5'],
      transforms: ['middle-out'],
      usage: { include: true },
    });
  });

  it('surfaces an error inside a 200 body with the upstream message', async () => {
    const body = {
      error: {
        code: 502,
        message: 'Provider returned error',
        metadata: { provider_name: 'Together', raw: 'upstream timed out' },
      },
      user_id: 'u',
    };
    const error = await new openrouter.Client({ apiKey: 'k', fetch: recordingFetch(() => jsonResponse(body)).fetch })
      .completionModel('m')
      .completion(replayRequest)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      kind: 'provider',
      isRetryable: true,
      message: 'OpenRouter reported an error (502): Provider returned error (Together): upstream timed out',
    });
  });
});
