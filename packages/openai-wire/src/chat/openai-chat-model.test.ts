import { CompletionError } from '@rig-ts/core';
import { chunkLines, chunksToWire, readFixture, readJsonFixture } from '@rig-ts/fixtures';
import { HttpTransport } from '@rig-ts/http';
import {
  describeUnexpectedAnswers,
  jsonResponse,
  openApiSpec,
  recordingFetch,
  replayCompletion,
  replayCompletionError,
  replayRequest,
  replayStream,
  replayStreamRequestBody,
  sseResponse,
} from '@rig-ts/provider-tests';
import { describe, expect, it } from 'vitest';
import { OpenAIChatModel } from './openai-chat-model.js';
import type { ChatQuirks } from './openai-chat-quirks.js';
import { openAITestTransport } from '../test-utils/openai-test-transport.js';

const specErrors = openApiSpec('openai/spec/openapi.yaml');

function model(
  fetchImplementation: typeof fetch,
  quirks: Partial<ChatQuirks> = {},
  modelId = 'gpt-4o',
): OpenAIChatModel {
  const transport = openAITestTransport({ fetch: fetchImplementation, maxRetries: 0 });
  return new OpenAIChatModel(modelId, { provider: 'openai', transport, quirks });
}

describe('OpenAIChatModel on recordings, by hand', () => {
  it('reads the usage-only last chunk (choices: [])', async () => {
    const lines = chunkLines('openai/vercel-ai/openai-text.chunks.txt');
    expect(JSON.parse(lines.at(-1)!).choices).toEqual([]);
    const streamed = await (await replayStream(model, [chunksToWire(lines, 'chat')])).final;
    expect(streamed.usage).toEqual({
      promptTokens: 16,
      completionTokens: 300,
      totalTokens: 316,
      cachedPromptTokens: 0,
      reasoningTokens: 0,
    });
    expect(streamed.rawResponse.tokenUsage()).toEqual(streamed.usage);
  });

  it('streams tool-call deltas of a recording, then the complete call', async () => {
    const stream = await replayStream(model, [
      readFixture('openai/pydantic-ai/test_run_stream_sync_streams_real_model.0.response.sse'),
    ]);
    const items = [];
    for await (const item of stream) items.push(item);
    expect(items[0]).toEqual({
      type: 'tool-call-delta',
      id: 'call_ZR5UUuTt3pf61kjwAJIYdVMj',
      name: 'get_capital',
      argumentsDelta: '',
    });
    expect(items.filter((item) => item.type === 'tool-call')).toEqual([
      {
        type: 'tool-call',
        toolCall: {
          type: 'tool-call',
          id: 'call_ZR5UUuTt3pf61kjwAJIYdVMj',
          function: { name: 'get_capital', arguments: { country: 'UK' } },
        },
      },
    ]);
    expect(items.at(-1)).toMatchObject({ type: 'final', finishReason: 'tool-calls', rawFinishReason: 'tool_calls' });
  });

  it('assembles interleaved parallel tool calls keyed by index', async () => {
    const chunk = (delta: unknown, finish: string | null = null) =>
      JSON.stringify({ id: 'chatcmpl-1', model: 'gpt-4o', choices: [{ index: 0, delta, finish_reason: finish }] });
    const lines = [
      chunk({
        role: 'assistant',
        tool_calls: [{ index: 0, id: 'call_a', type: 'function', function: { name: 'weather', arguments: '' } }],
      }),
      chunk({ tool_calls: [{ index: 1, id: 'call_b', type: 'function', function: { name: 'time', arguments: '' } }] }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] }),
      chunk({ tool_calls: [{ index: 1, function: { arguments: '{"zone":"CET"}' } }] }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: '"Paris"}' } }] }),
      chunk({}, 'tool_calls'),
    ];
    const streamed = await (await replayStream(model, [chunksToWire(lines, 'chat')])).final;
    expect(streamed.choice).toEqual([
      { type: 'tool-call', id: 'call_a', function: { name: 'weather', arguments: { city: 'Paris' } } },
      { type: 'tool-call', id: 'call_b', function: { name: 'time', arguments: { zone: 'CET' } } },
    ]);
    expect(streamed.finishReason).toBe('tool-calls');
  });

  it('reads DeepSeek-style reasoning_content on Azure, streamed and not', async () => {
    const unary = await replayCompletion(model, readJsonFixture('azure/vercel-ai/azure-deepseek-reasoning.1.json'));
    expect(unary.choice[0]).toMatchObject({
      type: 'reasoning',
      content: [{ type: 'text', text: expect.stringMatching(/^We need to invent a new holiday/) }],
    });
    expect(unary.choice[1]).toMatchObject({
      type: 'text',
      text: expect.stringMatching(/^Absolutely! Based on the most recent Knicks game/),
    });
  });

  it('reads reasoning from thinking parts of an array content (Mistral), streamed and not', async () => {
    const expected = [
      {
        type: 'reasoning',
        content: [{ type: 'text', text: 'The user is asking for 2+2. This is basic arithmetic. 2+2=4.' }],
      },
      { type: 'text', text: '2 + 2 = 4' },
    ];
    const unary = await replayCompletion(model, readJsonFixture('mistral/vercel-ai/mistral-reasoning.json'));
    expect(unary.choice).toEqual(expected);
    const lines = chunkLines('mistral/vercel-ai/mistral-reasoning.chunks.txt');
    const streamed = await (await replayStream(model, [chunksToWire(lines, 'chat')])).final;
    expect(streamed.choice).toEqual(expected);
    expect(streamed.usage).toEqual(unary.usage);
  });

  it('keeps citations and search_results under providerMetadata.openai, streamed and not', async () => {
    const citations = ['https://a.test/1', 'https://b.test/2'];
    const searchResults = [{ title: 'A', url: 'https://a.test/1', date: '2025-01-02' }];
    const body = {
      id: 'p1',
      model: 'sonar',
      citations,
      search_results: searchResults,
      choices: [{ index: 0, message: { role: 'assistant', content: 'Answer [1]' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
    };
    const block = { type: 'text', text: 'Answer [1]', providerMetadata: { openai: { citations, searchResults } } };
    expect((await replayCompletion(model, body)).choice).toEqual([block]);
    const chunk = (content: string, finish: string | null) =>
      JSON.stringify({
        id: 'p1',
        model: 'sonar',
        citations,
        search_results: searchResults,
        choices: [{ index: 0, delta: { role: 'assistant', content }, finish_reason: finish }],
        usage: body.usage,
      });
    const streamed = await (
      await replayStream(model, [chunksToWire([chunk('Answer', null), chunk(' [1]', 'stop')], 'chat')])
    ).final;
    expect(streamed.choice).toEqual([block]);
  });
});

describe('OpenAIChatModel errors and the end of streams', () => {
  it('ends a stream without [DONE] with a truncation error', async () => {
    const lines = chunkLines('openai/vercel-ai/openai-text.chunks.txt');
    const wire = lines.map((line) => `data: ${line}\n\n`).join('');
    const stream = await replayStream(model, [wire]);
    await expect(stream.final).rejects.toMatchObject({ kind: 'response', reason: 'truncated' });
  });

  it('accepts a stream without [DONE] from a server that never sends it', async () => {
    const lines = chunkLines('openai/vercel-ai/openai-text.chunks.txt');
    const wire = lines.map((line) => `data: ${line}\n\n`).join('');
    const streamed = await (
      await model(recordingFetch(() => sseResponse([wire])).fetch, { requireDone: false }).stream(replayRequest)
    ).final;
    expect(streamed.usage.totalTokens).toBe(316);
  });

  it('surfaces an error object inside a 200 body as a provider error', async () => {
    const error = await replayCompletionError(model, { error: { message: 'Upstream overloaded', code: 503 } });
    expect(CompletionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      kind: 'provider',
      isRetryable: true,
      message: 'OpenAI reported an error (503): Upstream overloaded',
    });
  });

  it('surfaces an error carried by a chunk that also has choices (OpenRouter) as a provider error', async () => {
    const chunk = (extra: object) =>
      JSON.stringify({
        id: 'gen-1',
        model: 'm',
        choices: [{ index: 0, delta: { content: 'Hi' }, finish_reason: null }],
        ...extra,
      });
    const wire = chunksToWire([chunk({}), chunk({ error: { code: 400, message: 'Token limit reached' } })], 'chat');
    const stream = await replayStream(model, [wire], { 'x-request-id': 'req_s' });
    const error = await stream.final.catch((caught: unknown) => caught);
    expect(CompletionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      kind: 'provider',
      isRetryable: false,
      requestId: 'req_s',
      message: 'OpenAI reported an error (400): Token limit reached',
      providerError: { code: 400, message: 'Token limit reached' },
    });
    const nullError = chunksToWire(
      [
        chunk({ error: null }),
        JSON.stringify({ id: 'gen-1', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }),
      ],
      'chat',
    );
    expect((await (await replayStream(model, [nullError])).final).choice).toEqual([{ type: 'text', text: 'Hi' }]);
  });

  it('surfaces an error beside choices in a 200 body, and reads a retryable status_code', async () => {
    const body = {
      id: 'x',
      choices: [{ index: 0, message: { content: '' }, finish_reason: 'error' }],
      error: { message: 'Upstream failed', type: 'server_error', status_code: 502 },
    };
    const error = await replayCompletionError(model, body);
    expect(error).toMatchObject({
      kind: 'provider',
      isRetryable: true,
      message: 'OpenAI reported an error (server_error): Upstream failed',
    });
  });

  it("reads in-body and in-stream errors with the transport's parseError", async () => {
    const parseError = (body: unknown) => {
      const inner = (body as { error?: { message?: string; metadata?: { raw?: string } } }).error;
      return inner ? { message: `${inner.message}: ${inner.metadata?.raw}` } : undefined;
    };
    const transport = (fetchImplementation: typeof fetch) =>
      new HttpTransport({
        provider: 'Router',
        baseURL: 'https://router.test/v1',
        apiKey: 'k',
        fetch: fetchImplementation,
        maxRetries: 0,
        parseError,
      });
    const failure = {
      error: { code: 429, message: 'Provider returned error', metadata: { raw: 'rate-limited upstream' } },
    };
    const unary = await new OpenAIChatModel('m', {
      provider: 'router',
      transport: transport(recordingFetch(() => jsonResponse(failure)).fetch),
    })
      .completion(replayRequest)
      .catch((caught: unknown) => caught);
    expect(unary).toMatchObject({
      kind: 'provider',
      isRetryable: true,
      message: 'Router reported an error: Provider returned error: rate-limited upstream',
    });
    const streamed = await new OpenAIChatModel('m', {
      provider: 'router',
      transport: transport(
        recordingFetch(() => sseResponse([`event: error\ndata: ${JSON.stringify(failure)}\n\n`])).fetch,
      ),
    }).stream(replayRequest);
    await expect(streamed.final).rejects.toMatchObject({
      kind: 'provider',
      message: 'Router reported an error: Provider returned error: rate-limited upstream',
    });
  });

  it('surfaces the recorded reasoning-model legacy parameter error', async () => {
    const body = readJsonFixture('openai/vercel-ai/reasoning-model-legacy-parameter-error.json');
    const error = await replayCompletionError(model, body, 400);
    expect(error).toMatchObject({
      kind: 'http',
      status: 400,
      isRetryable: false,
      providerError: { param: 'max_tokens', code: 'unsupported_parameter' },
    });
  });

  it('sends a spec-valid streaming body with include_usage', async () => {
    const body = await replayStreamRequestBody(model, [
      chunksToWire(chunkLines('openai/vercel-ai/openai-text.chunks.txt'), 'chat'),
    ]);
    expect(body).toEqual({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(specErrors('CreateChatCompletionRequest', body)).toEqual([]);
  });
});

describeUnexpectedAnswers({
  provider: 'OpenAI',
  subject: 'OpenAIChatModel',
  malformedBodies: ['null', '{"choices":[{"message":{"content":"x","tool_calls":{}}}]}'],
  model: (transport) =>
    new OpenAIChatModel('gpt-4o', { provider: 'openai', transport: openAITestTransport(transport) }),
});
