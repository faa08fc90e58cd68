import { PromptError } from '@rig-ts/core';
import { readJsonFixture } from '@rig-ts/fixtures';
import { jsonResponse, okChatStream, recordingFetch, weatherTool } from '@rig-ts/provider-tests';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as cerebras from './index.js';

afterEach(() => vi.unstubAllEnvs());

const simple = readJsonFixture('cerebras/pydantic-ai/test_cerebras_model_simple.0.response.json');

describe('cerebras.Client', () => {
  it('reads CEREBRAS_API_KEY when a request is made and sends the recorded minimal request', async () => {
    vi.stubEnv('CEREBRAS_API_KEY', 'csk-env');
    const recorded = recordingFetch(() => jsonResponse(simple));
    expect(
      await new cerebras.Client({ fetch: recorded.fetch }).completionModel('llama-3.3-70b').prompt('What is 2 + 2?'),
    ).toBe('2 + 2 = 4.');
    const { stream: _stream, ...recordedBody } = readJsonFixture(
      'cerebras/pydantic-ai/test_cerebras_model_simple.0.meta.json',
    ).request_body;
    expect(recorded.requests).toEqual([
      {
        url: 'https://api.cerebras.ai/v1/chat/completions',
        headers: { authorization: 'Bearer csk-env', 'content-type': 'application/json' },
        body: recordedBody,
      },
    ]);
  });

  it('names the option and the variable when the key is missing', async () => {
    vi.stubEnv('CEREBRAS_API_KEY', '');
    const error = await cerebras.Client.fromEnv()
      .completionModel('llama-3.3-70b')
      .prompt('hi')
      .catch((caught: unknown) => caught);
    expect(PromptError.isInstance(error)).toBe(true);
    expect((error as PromptError).cause).toMatchObject({
      kind: 'request',
      message:
        'Cerebras API key is missing: pass it as the apiKey option or set the CEREBRAS_API_KEY environment variable',
    });
  });

  it('sends max_completion_tokens, strict tools and schemas, the service tier, and streams without stream_options', async () => {
    const recorded = recordingFetch(okChatStream);
    await (
      await new cerebras.Client({ apiKey: 'k', fetch: recorded.fetch })
        .completionModel('gpt-oss-120b', { reasoningEffort: 'low', serviceTier: 'flex' })
        .completionRequest('hi')
        .maxTokens(256)
        .tool(weatherTool)
        .stream()
    ).final;
    expect(recorded.requests[0]?.body).toEqual({
      model: 'gpt-oss-120b',
      messages: [{ role: 'user', content: 'hi' }],
      tools: [{ type: 'function', function: { ...weatherTool, strict: true } }],
      max_completion_tokens: 256,
      reasoning_effort: 'low',
      service_tier: 'flex',
      stream: true,
    });
  });
});
