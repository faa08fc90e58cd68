import { sendJson, startLoopbackServer } from '@rig-ts/fixtures/loopback';
import { readJsonFixture } from '@rig-ts/fixtures';
import { describeUnexpectedAnswers, useTestServer } from '@rig-ts/provider-tests';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnthropicCompletionModel } from './anthropic-completion-model.js';
import { Client } from './anthropic-provider.js';
import { ANTHROPIC_DEFAULTS } from './anthropic-settings.js';
import { jsonResponse, replayFetch } from './test-utils/replay.js';

const TEXT = readJsonFixture('anthropic/vercel-ai/anthropic-text.json');
const ANSWER = (TEXT.content[0] as { text: string }).text;

const servers = useTestServer(startLoopbackServer);
afterEach(() => vi.unstubAllEnvs());

describe('Client', () => {
  it('has documented defaults', () => {
    expect(ANTHROPIC_DEFAULTS).toEqual({
      baseURL: 'https://api.anthropic.com/v1',
      anthropicVersion: '2023-06-01',
      apiKeyVariable: 'ANTHROPIC_API_KEY',
      baseURLVariable: 'ANTHROPIC_BASE_URL',
      maxTokens: 4096,
    });
  });

  it('makes completion models of the anthropic provider', () => {
    const model = new Client({ apiKey: 'k' }).completionModel('claude-sonnet-4-5');
    expect(model).toBeInstanceOf(AnthropicCompletionModel);
    expect([model.provider, model.modelId]).toEqual(['anthropic', 'claude-sonnet-4-5']);
  });

  it('prompts over HTTP with x-api-key, anthropic-version, beta and custom headers', async () => {
    const server = await servers.start((_request, response) =>
      sendJson(response, 200, TEXT, { 'request-id': 'req_011' }),
    );
    const client = new Client({
      apiKey: 'sk-ant-key',
      baseURL: `${server.url}/v1/`,
      anthropicVersion: '2024-01-01',
      beta: ['files-api-2025-04-14', 'context-1m-2025-08-07'],
      headers: { 'x-app': 'demo' },
    });
    expect(await client.completionModel('claude-sonnet-4-5').prompt('Hello')).toBe(ANSWER);
    const request = server.requests[0]!;
    expect(request.url).toBe('/v1/messages');
    expect(request.headers).toMatchObject({
      'x-api-key': 'sk-ant-key',
      'anthropic-version': '2024-01-01',
      'anthropic-beta': 'files-api-2025-04-14,context-1m-2025-08-07',
      'x-app': 'demo',
      'content-type': 'application/json',
    });
    expect(request.headers.authorization).toBeUndefined();
    const response = await client.completionModel('claude-sonnet-4-5').completionRequest('Hello').send();
    expect(response.requestId).toBe('req_011');
  });

  it('takes one beta as a string; custom headers win', async () => {
    const replay = replayFetch(() => jsonResponse(200, TEXT));
    await new Client({
      apiKey: 'k',
      fetch: replay.fetch,
      beta: 'files-api-2025-04-14',
      headers: { 'anthropic-version': '2099-01-01' },
    })
      .completionModel('claude-haiku-4-5')
      .prompt('Hi');
    expect(replay.requests[0]!.headers).toEqual({
      'anthropic-beta': 'files-api-2025-04-14',
      'anthropic-version': '2099-01-01',
      'content-type': 'application/json',
      'x-api-key': 'k',
    });
  });

  it('fromEnv reads ANTHROPIC_BASE_URL when made and ANTHROPIC_API_KEY at each request', async () => {
    const server = await servers.start((_request, response) => sendJson(response, 200, TEXT));
    vi.stubEnv('ANTHROPIC_BASE_URL', `${server.url}/proxy/v1`);
    vi.stubEnv('ANTHROPIC_API_KEY', '');
    const model = Client.fromEnv().completionModel('claude-sonnet-4-5');
    vi.stubEnv('ANTHROPIC_API_KEY', 'sk-ant-late');
    expect(await model.prompt('Hello')).toBe(ANSWER);
    expect(server.requests[0]).toMatchObject({ url: '/proxy/v1/messages', headers: { 'x-api-key': 'sk-ant-late' } });
  });

  it('without a key, fails before sending with a request error naming apiKey and ANTHROPIC_API_KEY', async () => {
    vi.stubEnv('ANTHROPIC_API_KEY', '');
    const replay = replayFetch();
    const model = new Client({ fetch: replay.fetch }).completionModel('claude-sonnet-4-5');
    const error = await model
      .completionRequest('Hello')
      .send()
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      name: 'CompletionError.Request',
      kind: 'request',
      path: 'apiKey',
      isRetryable: false,
      message:
        'Anthropic API key is missing: pass it as the apiKey option or set the ANTHROPIC_API_KEY environment variable',
    });
    await expect(model.prompt('Hello')).rejects.toMatchObject({
      name: 'PromptError.Completion',
      cause: { kind: 'request', path: 'apiKey' },
    });
    expect(replay.requests).toEqual([]);
  });

  it('honours maxRetries and timeoutMs', async () => {
    const server = await servers.start((_request, response) =>
      sendJson(response, 503, { type: 'error', error: { type: 'api_error', message: 'Internal server error' } }),
    );
    const error = await new Client({ apiKey: 'k', baseURL: server.url, maxRetries: 0 })
      .completionModel('claude-sonnet-4-5')
      .completionRequest('Hello')
      .send()
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      kind: 'http',
      status: 503,
      isRetryable: true,
      attempts: 1,
      providerError: { type: 'api_error', message: 'Internal server error' },
    });
    expect(server.requests).toHaveLength(1);
    const silent = await servers.start(() => undefined);
    const timeout = await new Client({ apiKey: 'k', baseURL: silent.url, timeoutMs: 50, maxRetries: 0 })
      .completionModel('claude-sonnet-4-5')
      .completionRequest('Hello')
      .send()
      .catch((caught: unknown) => caught);
    expect(timeout).toMatchObject({
      kind: 'http',
      message: `Anthropic call POST ${silent.url}/messages timed out after 50 ms (timeoutMs)`,
    });
  });
});

describeUnexpectedAnswers({
  provider: 'Anthropic',
  malformedBodies: ['null', '{"content":[null]}'],
  rateLimitBody: '{"type":"error","error":{"type":"rate_limit_error","message":"Rate limited"}}',
  model: (transport) =>
    new Client({ apiKey: 'k', baseURL: 'http://127.0.0.1:9', ...transport }).completionModel('claude-sonnet-4-5'),
});
