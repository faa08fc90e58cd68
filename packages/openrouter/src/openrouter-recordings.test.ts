import { CompletionError } from '@rig-ts/core';
import { randomCuts, readFixture, readJsonFixture, splitBytes } from '@rig-ts/fixtures';
import {
  describeRecordings,
  recordedInteraction,
  recordingFetch,
  replayRequest,
  sseResponse,
  type Expectations,
} from '@rig-ts/provider-tests';
import { describe, expect, it } from 'vitest';
import expectations from './__fixtures__/expectations.json' with { type: 'json' };
import * as openrouter from './index.js';

const client = (fetch: typeof globalThis.fetch, maxRetries = 0) =>
  new openrouter.Client({ apiKey: 'sk-or-test', fetch, maxRetries });
const model = (fetch: typeof globalThis.fetch) => client(fetch).completionModel('anthropic/claude-sonnet-4.5');

describeRecordings('OpenRouter', {
  expectations: expectations as Expectations,
  chatModel: model,
  // The three recorded 429 bodies are replayed by hand below.
  recordings: {
    chat: [
      'openrouter/pydantic-ai/test_openrouter_stream_error.0.response.sse',
      'openrouter/pydantic-ai/test_openrouter_streaming_reasoning.0.response.sse',
    ],
  },
});

const rateLimited =
  'Provider returned error (Google): google/gemini-2.0-flash-exp:free is temporarily rate-limited upstream. Please retry shortly, or add your own key to accumulate your rate limits: https://openrouter.ai/settings/integrations';

describe('OpenRouter recordings, by hand', () => {
  it('retries the recorded 429s, then fails with an http error carrying the upstream message', async () => {
    const answers = [0, 1, 2].map((index) => `openrouter/pydantic-ai/test_openrouter_errors_raised.${index}.meta.json`);
    const recorded = recordingFetch((_body, index) => recordedInteraction(answers[index]!));
    const error = await client(recorded.fetch, 2)
      .completionModel('google/gemini-2.0-flash-exp:free')
      .completionRequest('Tell me a joke.')
      .preamble('Be helpful.')
      .send()
      .catch((caught: unknown) => caught);
    expect(recorded.requests).toHaveLength(3);
    expect(CompletionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      kind: 'http',
      status: 429,
      isRetryable: true,
      attempts: 3,
      message: `OpenRouter returned HTTP 429 Too Many Requests for POST https://openrouter.ai/api/v1/chat/completions: ${rateLimited}`,
      providerError: { code: 429, message: rateLimited },
    });
    const { stream: _stream, ...recordedBody } = readJsonFixture(
      'openrouter/pydantic-ai/test_openrouter_errors_raised.0.meta.json',
    ).request_body;
    for (const request of recorded.requests) expect(request.body).toEqual(recordedBody);
  });

  it('fails the recorded stream whose last chunk carries an error (after a finish reason) with a provider error', async () => {
    const bytes = readFixture('openrouter/pydantic-ai/test_openrouter_stream_error.0.response.sse');
    for (const chunks of [[bytes], splitBytes(bytes, randomCuts(bytes.length, 30, 4))]) {
      const recorded = recordingFetch(() => sseResponse(chunks));
      const stream = await client(recorded.fetch)
        .completionModel('minimax/minimax-m2:free')
        .completionRequest('Hello there')
        .maxTokens(10)
        .stream();
      const reasoning: string[] = [];
      const error = await (async () => {
        for await (const item of stream) if (item.type === 'reasoning-delta') reasoning.push(item.text);
      })().catch((caught: unknown) => caught);
      expect(reasoning).toEqual(['We need', ' to respond to a greeting. The user']);
      expect(CompletionError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({
        kind: 'provider',
        isRetryable: false,
        message: 'OpenRouter reported an error (400): Token limit reached',
        providerError: { code: 400, message: 'Token limit reached' },
      });
      expect(recorded.requests[0]?.body).toEqual(
        readJsonFixture('openrouter/pydantic-ai/test_openrouter_stream_error.0.meta.json').request_body,
      );
    }
  });

  it('skips the keep-alive comments and streams the reasoning of the recorded Claude answer, sending the recorded request', async () => {
    const recorded = recordingFetch(() =>
      sseResponse([readFixture('openrouter/pydantic-ai/test_openrouter_streaming_reasoning.0.response.sse')]),
    );
    const stream = await client(recorded.fetch)
      .completionModel('anthropic/claude-sonnet-4.5', { reasoning: { enabled: true } })
      .streamPrompt('What is 2+2?');
    const final = await stream.final;
    expect(final.choice).toEqual([
      {
        type: 'reasoning',
        content: [{ type: 'text', text: expect.stringMatching(/^This is a simple arithmetic question/) }],
      },
      { type: 'text', text: '2 + 2 = 4' },
    ]);
    expect(final.usage).toEqual({
      promptTokens: 43,
      completionTokens: 36,
      totalTokens: 79,
      cachedPromptTokens: 0,
      reasoningTokens: 13,
    });
    expect(recorded.requests[0]?.body).toEqual(
      readJsonFixture('openrouter/pydantic-ai/test_openrouter_streaming_reasoning.0.meta.json').request_body,
    );
  });
});
