import { CompletionError } from '@rig-ts/core';
import { HttpTransport } from '@rig-ts/http';
import { createStreamingResponse, type StreamAdapter } from '@rig-ts/streaming/internal';
import { collectUntilError } from '@rig-ts/fixtures/collect-until-error';
import { describe, expect, it } from 'vitest';
import { simulatedAnswer } from './answer-conversation.js';
import { useSimulator } from './test-utils/use-simulator.js';

// The simulator's faults as rig-ts's own transport and streaming layer see them: what provider packages will meet.

const simulator = useSimulator();

interface ChatChunk {
  choices: { delta: { content?: string }; finish_reason: string | null }[];
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number } | null;
}

/** A minimal Chat Completions adapter (the real one lives in the OpenAI package). */
function chatAdapter(): StreamAdapter {
  return {
    onFrame(data, _event, accumulator) {
      const chunk = data as ChatChunk;
      for (const choice of chunk.choices) {
        if (choice.delta.content) accumulator.text(choice.delta.content);
        if (choice.finish_reason) accumulator.finishReason = 'stop';
      }
      if (chunk.usage)
        accumulator.usage = {
          promptTokens: chunk.usage.prompt_tokens,
          completionTokens: chunk.usage.completion_tokens,
          totalTokens: chunk.usage.total_tokens,
        };
    },
    onDone(accumulator) {
      accumulator.end();
    },
  };
}

function transport(headers: { [name: string]: string } = {}, maxRetries = 2) {
  return new HttpTransport({
    provider: 'Simulated OpenAI',
    baseURL: simulator.baseURLs.openai,
    apiKey: 'sk-sim-secret',
    headers,
    maxRetries,
  });
}

const request = (stream: boolean) => ({
  model: 'gpt-4o',
  messages: [{ role: 'user', content: 'hello' }],
  stream,
  ...(stream ? { stream_options: { include_usage: true } } : {}),
});

async function open(headers: { [name: string]: string }, idleTimeoutMs?: number) {
  const call = await transport(headers).postStream(
    '/chat/completions',
    request(true),
    idleTimeoutMs === undefined ? {} : { idleTimeoutMs },
  );
  return createStreamingResponse(call, 'sse', chatAdapter());
}

describe('simulator faults through @rig-ts/http and @rig-ts/streaming', () => {
  it('a healthy stream aggregates to the simulated answer with its usage', async () => {
    const final = await (await open({})).final;
    expect(final.choice).toEqual([{ type: 'text', text: simulatedAnswer('hello') }]);
    expect(final.usage).toEqual({ promptTokens: 2, completionTokens: 18, totalTokens: 20 });
    expect(final.requestId).toMatch(/^req_[0-9a-f]{32}$/);
  });

  it('a 429 once with retry-after-ms is retried after the wait, then succeeds', async () => {
    const started = Date.now();
    const response = await transport({
      'x-sim-fault': '429',
      'x-sim-fault-count': '1',
      'x-sim-retry-after': '120ms',
    }).postJson<{ choices: { message: { content: string } }[] }>('/chat/completions', request(false));
    expect(Date.now() - started).toBeGreaterThanOrEqual(115);
    expect(response.body.choices[0]!.message.content).toBe(simulatedAnswer('hello'));
    expect(simulator.requests.map((record) => record.fault)).toEqual(['429', undefined]);
  });

  it('a persistent 503 fails after the retries with the provider message', async () => {
    const error = await transport({ 'x-sim-fault': '503', 'x-sim-retry-after': '0' }, 1)
      .postJson('/chat/completions', request(false))
      .catch((caught: unknown) => caught);
    expect(CompletionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      kind: 'http',
      status: 503,
      isRetryable: true,
      attempts: 2,
      providerError: { message: 'Service unavailable (simulated fault 503)', type: 'server_error' },
    });
    expect(simulator.requests).toHaveLength(2);
    expect(JSON.stringify(error)).not.toContain('sk-sim-secret');
  });

  it('a reset once is retried as a network error', async () => {
    const response = await transport({ 'x-sim-fault': 'reset', 'x-sim-fault-count': '1' }).postJson<{ object: string }>(
      '/chat/completions',
      request(false),
    );
    expect(response.body.object).toBe('chat.completion');
    expect(simulator.requests.map((record) => record.fault)).toEqual(['reset', undefined]);
  });

  it('an HTML error page is an http error', async () => {
    const error = await transport({ 'x-sim-fault': 'html' }, 0)
      .postJson('/chat/completions', request(false))
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'http', status: 502, isRetryable: true });
  });

  it('a cut stream ends with a network CompletionError after the partial text', async () => {
    const { items, error } = await collectUntilError(await open({ 'x-sim-fault': 'cut' }));
    expect(CompletionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'http' });
    expect((error as Error).message).toMatch(
      /^network error calling Simulated OpenAI at POST http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions: terminated/,
    );
    const text = items.map((item) => (item.type === 'text' ? item.text : '')).join('');
    expect(text.length).toBeGreaterThan(0);
    expect(simulatedAnswer('hello').startsWith(text)).toBe(true);
  });

  it('a malformed frame is a malformed-response error', async () => {
    const { error } = await collectUntilError(await open({ 'x-sim-fault': 'malformed' }));
    expect(error).toMatchObject({ kind: 'response', reason: 'malformed' });
    expect((error as Error).message).toBe(
      'stream sent a frame that is not valid JSON: {"id":"chatcmpl-malformed","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"',
    );
  });

  it('a stream without its end event is a truncation error, never a success', async () => {
    const stream = await open({ 'x-sim-fault': 'no-end' });
    await expect(stream.final).rejects.toMatchObject({ kind: 'response', reason: 'truncated' });
  });

  it('a stalled stream hits the idle timeout', async () => {
    const started = Date.now();
    const { error } = await collectUntilError(await open({ 'x-sim-fault': 'stall' }, 150));
    expect(error).toMatchObject({
      kind: 'http',
      message: 'stream idle timeout: no data from the provider for 150 ms (idleTimeoutMs)',
    });
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
