import { CompletionError } from '@rig-ts/core';
import { chunkLines, chunksToWire, readFixture, readJsonFixture } from '@rig-ts/fixtures';
import {
  describeUnexpectedAnswers,
  openApiSpec,
  replayCompletion,
  replayCompletionError,
  replayStream,
  replayStreamRequestBody,
} from '@rig-ts/provider-tests';
import { describe, expect, it } from 'vitest';
import type { ResponsesResponse } from './openai-responses-api-types.js';
import { OpenAIResponsesModel } from './openai-responses-model.js';
import { openAITestTransport } from '../test-utils/openai-test-transport.js';

const specErrors = openApiSpec('openai/spec/openapi.yaml');

function model(fetchImplementation: typeof fetch, modelId = 'gpt-4o'): OpenAIResponsesModel {
  const transport = openAITestTransport({ fetch: fetchImplementation, maxRetries: 0 });
  return new OpenAIResponsesModel(modelId, { provider: 'openai', transport });
}

describe('OpenAIResponsesModel on recordings, by hand', () => {
  it('streams the items of a recording in order: text deltas, then the final item', async () => {
    const bytes = readFixture('openai-responses/pydantic-ai/test_openai_responses_stream.1.response.sse');
    const stream = await replayStream(model, [bytes]);
    const texts: string[] = [];
    let final: unknown;
    for await (const item of stream) {
      if (item.type === 'text') texts.push(item.text);
      if (item.type === 'final') final = item;
    }
    expect(texts.join('')).toBe('The capital of France is Paris.');
    expect(texts.length).toBeGreaterThan(3);
    expect(final).toMatchObject({
      type: 'final',
      finishReason: 'stop',
      usage: { promptTokens: 278, completionTokens: 9, totalTokens: 287 },
    });
  });

  it('streams tool-call deltas then the complete call', async () => {
    const bytes = readFixture('openai-responses/pydantic-ai/test_openai_responses_stream.0.response.sse');
    const stream = await replayStream(model, [bytes]);
    const items = [];
    for await (const item of stream) if (item.type !== 'final') items.push(item);
    expect(items[0]).toEqual({
      type: 'tool-call-delta',
      id: 'fc_67e554a1de488191af0831d35cbe082e0794405d35281ae2',
      name: 'get_capital',
      argumentsDelta: '',
    });
    expect(
      items
        .filter((item) => item.type === 'tool-call-delta')
        .map((item) => (item as { argumentsDelta: string }).argumentsDelta)
        .join(''),
    ).toBe('{"country":"France"}');
    expect(items.at(-1)).toEqual({
      type: 'tool-call',
      toolCall: {
        type: 'tool-call',
        id: 'fc_67e554a1de488191af0831d35cbe082e0794405d35281ae2',
        callId: 'call_kL0PCQV7M2WMoVX8V8OtYSAL',
        function: { name: 'get_capital', arguments: { country: 'France' } },
      },
    });
  });

  it('keeps reasoning with its encrypted content and summary from a recording', async () => {
    const response = await replayCompletion(
      model,
      readJsonFixture('openai-responses/vercel-ai/openai-reasoning-encrypted-content.1.json'),
    );
    const reasoning = response.choice[0];
    if (reasoning.type !== 'reasoning') throw new Error('expected reasoning first');
    expect(reasoning.id).toBe('rs_0f35ed53160b395301693cc95817ac8190b978637daea4987e');
    expect(reasoning.content[0]).toEqual({
      type: 'summary',
      text: expect.stringMatching(/^\*\*Reporting final result\*\*/),
    });
    expect(reasoning.content[1]).toEqual({ type: 'encrypted', data: expect.stringMatching(/^gAAAAABpPMlcH0HHEv5_/) });
    expect(response.choice[1]).toEqual({
      type: 'text',
      text: '12 + 7 = 19\n19 × 3 = 57\n57 × 10 = 570\n\nFinal result: 570',
      providerMetadata: { openai: { itemId: 'msg_0f35ed53160b395301693cc95c1d288190997018450969162b' } },
    });
  });

  it('keeps annotations of a recording', async () => {
    const body = readJsonFixture<ResponsesResponse>('openai-responses/vercel-ai/openai-web-search-tool.1.json');
    const response = await replayCompletion(model, body);
    const text = response.choice.find((block) => block.type === 'text');
    const annotations = (text?.providerMetadata?.openai as { annotations: { type: string; url: string }[] })
      .annotations;
    expect(annotations.length).toBeGreaterThan(3);
    expect(
      annotations.every((annotation) => annotation.type === 'url_citation' && annotation.url.startsWith('http')),
    ).toBe(true);
  });
});

describe('OpenAIResponsesModel errors', () => {
  it('turns an in-stream error event into a provider error with the message', async () => {
    const wire = chunksToWire(chunkLines('openai-responses/vercel-ai/openai-error.1.chunks.txt'), 'typed-events');
    const stream = await replayStream(model, [wire]);
    const error = await stream.final.catch((caught: unknown) => caught);
    expect(CompletionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      kind: 'provider',
      isRetryable: false,
      providerError: { code: 'insufficient_quota', type: 'insufficient_quota' },
      message:
        'OpenAI reported an error (insufficient_quota): You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
    });
  });

  it('surfaces the recorded 429 insufficient_quota body as an http error', async () => {
    const body = readJsonFixture('openai-responses/vercel-ai/openai-error.1.json');
    const error = await replayCompletionError(model, body, 429);
    expect(error).toMatchObject({
      kind: 'http',
      status: 429,
      isRetryable: true,
      providerError: { code: 'insufficient_quota', type: 'insufficient_quota' },
    });
    expect((error as Error).message).toMatch(
      /^OpenAI returned HTTP 429 for POST https:\/\/api\.openai\.test\/v1\/responses: You exceeded your current quota/,
    );
  });

  it('surfaces the recorded 400 (temperature below minimum) with param and code', async () => {
    const body = readJsonFixture('openai-responses/pydantic-ai/test_openai_responses_model_http_error.0.response.json');
    const error = await replayCompletionError(model, body, 400);
    expect(error).toMatchObject({
      kind: 'http',
      status: 400,
      isRetryable: false,
      providerError: { code: 'decimal_below_min_value', param: 'temperature', type: 'invalid_request_error' },
    });
  });

  it('turns an error object in a 200 body into a provider error', async () => {
    const error = await replayCompletionError(model, {
      id: 'resp_1',
      model: 'gpt-4o',
      status: 'failed',
      output: [],
      error: { code: 'server_error', message: 'The server had an error' },
    });
    expect(error).toMatchObject({
      kind: 'provider',
      isRetryable: true,
      message: 'OpenAI reported an error (server_error): The server had an error',
    });
  });

  it('reports a stream cut before response.completed as truncated', async () => {
    const all = chunkLines('azure/vercel-ai/azure-tool-call.1.chunks.txt');
    const wire = chunksToWire(all.slice(0, -1), 'typed-events');
    const stream = await replayStream(model, [wire]);
    await expect(stream.final).rejects.toMatchObject({ kind: 'response', reason: 'truncated' });
  });

  it('sends a spec-valid streaming body', async () => {
    const body = await replayStreamRequestBody(model, [
      chunksToWire(chunkLines('azure/vercel-ai/azure-text.1.chunks.txt'), 'typed-events'),
    ]);
    expect(body).toEqual({ model: 'gpt-4o', input: [{ role: 'user', content: 'hi' }], stream: true });
    expect(specErrors('CreateResponse', body)).toEqual([]);
  });
});

describeUnexpectedAnswers({
  provider: 'OpenAI',
  subject: 'OpenAIResponsesModel',
  malformedBodies: ['null', '{"output":[null]}'],
  model: (transport) =>
    new OpenAIResponsesModel('gpt-4o', { provider: 'openai', transport: openAITestTransport(transport) }),
});
