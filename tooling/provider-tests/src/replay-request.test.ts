import {
  BaseCompletionModel,
  CompletionError,
  type CompletionRequest,
  type CompletionResponse,
  type StreamingCompletionResponse,
} from '@rig-ts/core';
import { describe, expect, it } from 'vitest';
import { replayCompletionError, replayStreamRequestBody } from './replay-request.js';

const usage = { promptTokens: 1, completionTokens: 1, totalTokens: 2 };

/**
 * A model posting `{ prompt, stream }` to its fetch: a non-200 answer is an http error, a 200 one is read as
 * `{ text }`; a stream's `final` reads the whole body as text and fails on `fail`. With `twice`, it posts two requests.
 */
class FetchModel extends BaseCompletionModel {
  readonly provider = 'test';

  constructor(
    private readonly fetchImplementation: typeof fetch,
    private readonly twice = false,
  ) {
    super('test-model');
  }

  async #post(request: CompletionRequest, stream: boolean): Promise<Response> {
    const init = { method: 'POST', body: JSON.stringify({ prompt: request.chatHistory.length, stream }) };
    if (this.twice) await this.fetchImplementation('https://model.test/', init);
    const answer = await this.fetchImplementation('https://model.test/', init);
    if (answer.status !== 200) throw new CompletionError({ kind: 'http', status: answer.status, message: 'refused' });
    return answer;
  }

  async completion(request: CompletionRequest): Promise<CompletionResponse> {
    const { text } = (await (await this.#post(request, false)).json()) as { text: string };
    return { choice: [{ type: 'text', text }], usage, finishReason: 'stop', rawResponse: undefined };
  }

  async stream(request: CompletionRequest): Promise<StreamingCompletionResponse> {
    const answer = await this.#post(request, true);
    const final = answer.text().then((text): CompletionResponse => {
      if (text.includes('fail')) throw new CompletionError({ kind: 'response', reason: 'truncated', message: 'cut' });
      return { choice: [{ type: 'text', text }], usage, finishReason: 'stop', rawResponse: undefined };
    });
    const items = (async function* () {})();
    return {
      [Symbol.asyncIterator]: () => items,
      textStream: (async function* () {})(),
      final,
      requestId: undefined,
      usage: () => undefined,
      tokenUsage: () => undefined,
      cancel: () => undefined,
      toReadableStream: () => new ReadableStream(),
    };
  }
}

describe('replayCompletionError', () => {
  it('gives what completion() rejects with, for the status given', async () => {
    const error = await replayCompletionError((fetch) => new FetchModel(fetch), { text: 'no' }, 429);
    expect(error).toEqual(new CompletionError({ kind: 'http', status: 429, message: 'refused' }));
  });

  it('rejects, naming the answer, when completion() succeeds', async () => {
    await expect(replayCompletionError((fetch) => new FetchModel(fetch), { text: 'fine' })).rejects.toThrow(
      'completion() was expected to fail but answered [{"type":"text","text":"fine"}]',
    );
  });
});

describe('replayStreamRequestBody', () => {
  it('gives the body stream() sent once the stream has ended', async () => {
    expect(await replayStreamRequestBody((fetch) => new FetchModel(fetch), ['data: ok\n\n'])).toEqual({
      prompt: 1,
      stream: true,
    });
  });

  it('rejects when the stream fails or the model sent more than one request', async () => {
    await expect(replayStreamRequestBody((fetch) => new FetchModel(fetch), ['data: fail\n\n'])).rejects.toEqual(
      new CompletionError({ kind: 'response', reason: 'truncated', message: 'cut' }),
    );
    await expect(replayStreamRequestBody((fetch) => new FetchModel(fetch, true), ['data: ok\n\n'])).rejects.toThrow(
      'expected one request, the model sent 2',
    );
  });
});
