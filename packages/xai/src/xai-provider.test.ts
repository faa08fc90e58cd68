import { CompletionError, PromptError } from '@rig-ts/core';
import { readJsonFixture } from '@rig-ts/fixtures';
import { OpenAIChatModel, OpenAIResponsesModel } from '@rig-ts/openai-wire';
import { describeRefusedApiOption, jsonResponse, okChatStream, recordingFetch } from '@rig-ts/provider-tests';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as xai from './index.js';

afterEach(() => vi.unstubAllEnvs());

describe('xai.Client', () => {
  it('uses Chat Completions by default and the Responses API on request, on one transport', async () => {
    vi.stubEnv('XAI_API_KEY', 'xai-env');
    const recorded = recordingFetch((body) =>
      jsonResponse(
        readJsonFixture(
          body.input ? 'xai/vercel-ai/responses/xai-code-execution-tool.1.json' : 'xai/vercel-ai/chat/xai-text.json',
        ),
      ),
    );
    const client = new xai.Client({ fetch: recorded.fetch });
    const chat = client.completionModel('grok-3-mini', { reasoningEffort: 'low' });
    const responses = xai.responsesModel(client, 'grok-4-fast-reasoning', { reasoningEffort: 'high' });
    expect(chat).toBeInstanceOf(OpenAIChatModel);
    expect(responses).toBeInstanceOf(OpenAIResponsesModel);
    expect([chat.provider, responses.provider]).toEqual(['xai', 'xai']);
    expect(
      await chat
        .completionRequest('Say a single word')
        .maxTokens(300)
        .send()
        .then((response) => response.choice.at(-1)),
    ).toEqual({ type: 'text', text: 'Hello' });
    expect(await responses.prompt('What is the sum of 1 to 10?')).toBe('55');
    expect(recorded.requests).toEqual([
      {
        url: 'https://api.x.ai/v1/chat/completions',
        headers: { authorization: 'Bearer xai-env', 'content-type': 'application/json' },
        body: {
          model: 'grok-3-mini',
          messages: [{ role: 'user', content: 'Say a single word' }],
          max_completion_tokens: 300,
          reasoning_effort: 'low',
        },
      },
      {
        url: 'https://api.x.ai/v1/responses',
        headers: { authorization: 'Bearer xai-env', 'content-type': 'application/json' },
        body: {
          model: 'grok-4-fast-reasoning',
          input: [{ role: 'user', content: 'What is the sum of 1 to 10?' }],
          reasoning: { effort: 'high' },
        },
      },
    ]);
  });

  it('honours XAI_BASE_URL and names the option and the variable when the key is missing', async () => {
    vi.stubEnv('XAI_BASE_URL', 'https://proxy.test/xai/v1/');
    vi.stubEnv('XAI_API_KEY', '');
    const client = xai.Client.fromEnv();
    expect(client.transport.url('/responses')).toBe('https://proxy.test/xai/v1/responses');
    const error = await client
      .completionModel('grok-3-mini')
      .prompt('hi')
      .catch((caught: unknown) => caught);
    expect(PromptError.isInstance(error)).toBe(true);
    expect((error as PromptError).cause).toMatchObject({
      kind: 'request',
      message: 'xAI API key is missing: pass it as the apiKey option or set the XAI_API_KEY environment variable',
    });
  });

  it('streams chat with include_usage and asks for strict JSON schemas', async () => {
    const recorded = recordingFetch(okChatStream);
    await (
      await new xai.Client({ apiKey: 'k', fetch: recorded.fetch })
        .completionModel('grok-4')
        .completionRequest('hi')
        .outputSchema({
          type: 'object',
          properties: { a: { type: 'string' } },
          required: ['a'],
          additionalProperties: false,
        })
        .stream()
    ).final;
    expect(recorded.requests[0]?.body).toEqual({
      model: 'grok-4',
      messages: [{ role: 'user', content: 'hi' }],
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'response_schema',
          schema: {
            type: 'object',
            properties: { a: { type: 'string' } },
            required: ['a'],
            additionalProperties: false,
          },
          strict: true,
        },
      },
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it('names xAI in the errors its Responses API reports, in a body and in a stream', async () => {
    const error = { code: 'server_error', message: 'try again later' };
    const recorded = recordingFetch((body) =>
      body.stream
        ? new Response(`data: ${JSON.stringify({ type: 'error', ...error, param: null })}\n\n`, {
            headers: { 'content-type': 'text/event-stream' },
          })
        : jsonResponse({ id: 'resp_1', status: 'failed', error, output: [] }),
    );
    const model = xai.responsesModel(new xai.Client({ apiKey: 'k', fetch: recorded.fetch, maxRetries: 0 }), 'grok-4');
    const failed = await model.prompt('hi').catch((caught: unknown) => caught);
    expect((failed as PromptError).cause).toMatchObject({
      kind: 'provider',
      message: 'xAI reported an error (server_error): try again later',
    });
    const streamed = await (await model.completionRequest('hi').stream()).final.catch((caught: unknown) => caught);
    expect(streamed).toMatchObject({
      kind: 'provider',
      message: 'xAI reported an error (server_error): try again later',
    });
  });
});

describeRefusedApiOption(
  () => new xai.Client({ apiKey: 'k' }).completionModel('grok-4', { api: 'responses' } as never),
  "the api option is gone: completionModel() is Chat Completions; for the Responses API call xai.responsesModel(client, 'grok-4', options)",
);
