import type { ServerResponse } from 'node:http';
import { isCancelled, type StreamingCompletionResponse } from '@rig-ts/core';
import { startLoopbackServer, type LoopbackServer } from '@rig-ts/fixtures/loopback';
import * as openai from '@rig-ts/openai';
import { SentimentAnalysis } from '@rig-ts/test-schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentBuilder } from './agent-builder.js';

const chunk = (content: string) =>
  `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'gpt-4o', choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;

/** Answers nothing to a plain call and one text delta to a stream, then holds the connection until the client leaves. */
let server: LoopbackServer;
const held: ServerResponse[] = [];

beforeAll(async () => {
  server = await startLoopbackServer((request, response) => {
    held.push(response);
    if ((JSON.parse(request.body) as { stream?: boolean }).stream) {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(chunk('Hel'));
    }
  });
});

afterAll(async () => {
  for (const response of held) response.destroy();
  await server.close();
});

async function untilRequests(count: number): Promise<void> {
  while (server.requests.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
}

function model() {
  return openai.chatCompletionsModel(
    new openai.Client({ apiKey: 'sk-test', baseURL: `${server.url}/v1`, maxRetries: 0 }),
    'gpt-4o',
  );
}

async function collect(iterable: AsyncIterable<unknown>): Promise<void> {
  for await (const _item of iterable);
}

async function readAll(stream: ReadableStream<unknown>): Promise<void> {
  const reader = stream.getReader();
  while (!(await reader.read()).done);
}

/** Starts `call`, aborts once the server has its request (and, for a stream, the first item is in), and returns what it rejected with. */
async function abortDuring(
  call: (signal: AbortSignal) => Promise<unknown>,
  reason?: unknown,
): Promise<{ error: unknown; signal: AbortSignal }> {
  const controller = new AbortController();
  const seen = server.requests.length;
  const pending = call(controller.signal).then(
    () => ({ settled: 'resolved' as const }),
    (error: unknown) => ({ settled: 'rejected' as const, error }),
  );
  await untilRequests(seen + 1);
  await new Promise((resolve) => setTimeout(resolve, 10));
  if (reason === undefined) controller.abort();
  else controller.abort(reason);
  const outcome = await pending;
  expect(outcome.settled).toBe('rejected');
  return { error: (outcome as { error: unknown }).error, signal: controller.signal };
}

async function streamed(
  stream: Promise<StreamingCompletionResponse>,
  read: (stream: StreamingCompletionResponse) => Promise<unknown>,
): Promise<unknown> {
  return read(await stream);
}

describe('one cancellation error: the signal’s reason itself, from every API', () => {
  const reason = new Error('the user left');
  const calls: [string, (signal: AbortSignal) => Promise<unknown>][] = [
    ['send', (signal) => model().completionRequest('hi').send({ signal })],
    ['prompt', (signal) => model().prompt('hi', { signal })],
    ['chat', (signal) => model().chat('hi', [], { signal })],
    [
      'streamPrompt iteration',
      (signal) => streamed(model().streamPrompt('hi', { signal }), (stream) => collect(stream)),
    ],
    [
      'textStream',
      (signal) => streamed(model().streamPrompt('hi', { signal }), (stream) => collect(stream.textStream)),
    ],
    ['final', (signal) => streamed(model().streamPrompt('hi', { signal }), (stream) => stream.final)],
    [
      'toReadableStream',
      (signal) => streamed(model().streamPrompt('hi', { signal }), (stream) => readAll(stream.toReadableStream())),
    ],
    ['agent.prompt', (signal) => new AgentBuilder(model()).build().prompt('hi', { signal })],
    [
      'agent.streamPrompt final',
      (signal) => streamed(new AgentBuilder(model()).build().streamPrompt('hi', { signal }), (stream) => stream.final),
    ],
    [
      'agent.streamChat textStream',
      (signal) =>
        streamed(new AgentBuilder(model()).build().streamChat('hi', [], { signal }), (stream) =>
          collect(stream.textStream),
        ),
    ],
    [
      'agent.promptTyped',
      (signal) => new AgentBuilder(model()).build().promptTyped(SentimentAnalysis, 'hi', { signal }),
    ],
  ];

  it.each(calls)('%s rejects with the very reason the caller aborted with', async (_name, call) => {
    const { error, signal } = await abortDuring(call, reason);
    expect(error).toBe(reason);
    expect(isCancelled(error, signal)).toBe(true);
  });

  it.each(calls)('%s rejects with the signal’s AbortError when aborted without a reason', async (_name, call) => {
    const { error, signal } = await abortDuring(call);
    expect(error).toBe(signal.reason);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(isCancelled(error)).toBe(true);
  });

  it('a signal aborted before the call rejects at once with its reason, sending nothing', async () => {
    const seen = server.requests.length;
    for (const [, call] of calls) await expect(call(AbortSignal.abort(reason))).rejects.toBe(reason);
    expect(server.requests.length).toBe(seen);
  });
});
