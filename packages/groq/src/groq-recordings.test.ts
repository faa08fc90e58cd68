import { CompletionError } from '@rig-ts/core';
import { chunkLines, chunksToWire, randomCuts, readFixture, readTextFixture, splitBytes } from '@rig-ts/fixtures';
import {
  describePresetRecordings,
  recordedInteraction,
  recordingFetch,
  replayRequest,
  replayStream,
  sseDataPayloads,
  type Expectations,
} from '@rig-ts/provider-tests';
import { describe, expect, it } from 'vitest';
import expectations from './__fixtures__/expectations.json' with { type: 'json' };
import * as groq from './index.js';

const model = describePresetRecordings('Groq', {
  Client: groq.Client,
  modelId: 'openai/gpt-oss-120b',
  expectations,
  // The two recorded HTTP error bodies are replayed by hand below.
  chat: 14,
});

const toolUseFailed =
  "Tool call validation failed: tool call validation failed: parameters for tool get_something_by_name did not match schema: errors: [missing properties: 'name', additionalProperties 'invalid_param' not allowed]";

describe('Groq recordings, by hand', () => {
  it("surfaces the mid-stream `event: error` (tool_use_failed) as a provider error with Groq's message, after the reasoning streamed", async () => {
    const file = 'groq/pydantic-ai/test_tool_use_failed_error_streaming.0.response.sse';
    const bytes = readFixture(file);
    const sentReasoning = sseDataPayloads(readTextFixture(file))
      .map((chunk) => chunk.choices?.[0]?.delta?.reasoning ?? '')
      .join('');
    for (const chunks of [[bytes], splitBytes(bytes, randomCuts(bytes.length, 50, 11))]) {
      const stream = await replayStream(model, chunks, { 'x-request-id': 'req_groq' });
      let reasoning = '';
      const error = await (async () => {
        for await (const item of stream) if (item.type === 'reasoning-delta') reasoning += item.text;
      })().catch((caught: unknown) => caught);
      expect(reasoning).toBe(sentReasoning);
      expect(reasoning).toMatch(/^We need to call the tool with invalid/);
      expect(CompletionError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({
        kind: 'provider',
        isRetryable: false,
        requestId: 'req_groq',
        message: `Groq reported an error (tool_use_failed): ${toolUseFailed}`,
        providerError: { message: toolUseFailed, type: 'invalid_request_error', code: 'tool_use_failed' },
      });
      await expect(stream.final).rejects.toBe(error);
    }
  });

  it('surfaces the recorded HTTP 400 tool_use_failed and 404 model_not_found as http errors with the message', async () => {
    const failed = await model(
      recordingFetch(() => recordedInteraction('groq/pydantic-ai/test_tool_use_failed_error.0.meta.json')).fetch,
    )
      .completion(replayRequest)
      .catch((caught: unknown) => caught);
    expect(failed).toMatchObject({
      kind: 'http',
      status: 400,
      isRetryable: false,
      message: `Groq returned HTTP 400 Bad Request for POST https://api.groq.com/openai/v1/chat/completions: ${toolUseFailed.replace('invalid_param', 'foo')}`,
      providerError: { code: 'tool_use_failed', type: 'invalid_request_error' },
    });
    const missing = await model(
      recordingFetch(() => recordedInteraction('groq/pydantic-ai/test_tool_regular_error.0.meta.json')).fetch,
    )
      .completion(replayRequest)
      .catch((caught: unknown) => caught);
    expect(missing).toMatchObject({
      kind: 'http',
      status: 404,
      isRetryable: false,
      message:
        'Groq returned HTTP 404 Not Found for POST https://api.groq.com/openai/v1/chat/completions: The model `non-existent` does not exist or you do not have access to it.',
      providerError: { code: 'model_not_found' },
    });
  });

  it('streams reasoning then text, with the usage Groq sends unasked in the last chunk', async () => {
    const wire = chunksToWire(chunkLines('groq/vercel-ai/groq-reasoning.chunks.txt'), 'chat');
    const final = await (await replayStream(model, [wire])).final;
    expect(final.choice.map((block) => block.type)).toEqual(['reasoning', 'text']);
    expect(final.usage).toEqual({ promptTokens: 17, completionTokens: 1107, totalTokens: 1124, reasoningTokens: 963 });
  });

  it('keeps raw <think> text as text when reasoning_format is raw', async () => {
    const response = await model(
      recordingFetch(() => recordedInteraction('groq/pydantic-ai/test_groq_model_thinking_part.0.meta.json')).fetch,
    ).completion(replayRequest);
    expect(response.choice).toHaveLength(1);
    expect(response.choice[0]).toMatchObject({
      type: 'text',
      text: expect.stringMatching(/^<think>\nOkay, so I want to make Uruguayan alfajores/),
    });
  });
});
