import { describe, expect, it } from 'vitest';
import type { CallOptions } from './call-options.js';
import type { CompletionResponse } from './completion-response.js';
import { CompletionError } from './errors/completion-error.js';
import { postCompletion, type JsonPoster } from './post-completion.js';
import type { Warning } from './warning.js';

interface Wire {
  text: string;
}

const dropped: Warning = { type: 'unsupported', feature: 'temperature', details: 'not with reasoning models' };
const answered: Warning = { type: 'other', message: 'the answer was cut' };
const usage = { promptTokens: 1, completionTokens: 2, totalTokens: 3 };

/** A transport answering every post with `answer` (or failing with `failure`), recording what it was given. */
function transportOf(answer: { body: unknown; requestId?: string | undefined }, failure?: unknown) {
  const calls: { path: string; body: unknown; options: CallOptions | undefined }[] = [];
  const transport: JsonPoster = {
    postJson<Body>(path: string, body: unknown, options?: CallOptions) {
      calls.push({ path, body, options });
      if (failure !== undefined) return Promise.reject(failure as Error);
      return Promise.resolve(answer as { body: Body; requestId?: string | undefined });
    },
  };
  return { transport, calls };
}

function parseWire(body: Wire): CompletionResponse<Wire> {
  return {
    choice: [{ type: 'text', text: body.text }],
    usage,
    finishReason: 'stop',
    rawResponse: body,
    warnings: [answered],
  };
}

describe('postCompletion', () => {
  it('posts the prepared body and returns the parsed answer with its request id and the request warnings first', async () => {
    const { transport, calls } = transportOf({ body: { text: 'hi' }, requestId: 'req_1' });
    const signal = new AbortController().signal;
    const seen: (string | undefined)[] = [];
    const response = await postCompletion(
      transport,
      '/chat',
      { body: { prompt: 'hello' }, warnings: [dropped] },
      { signal },
      (body: Wire, requestId) => {
        seen.push(requestId);
        return parseWire(body);
      },
      'Test sent a response',
    );
    expect(calls).toEqual([{ path: '/chat', body: { prompt: 'hello' }, options: { signal } }]);
    expect(seen).toEqual(['req_1']);
    expect(response).toEqual({
      choice: [{ type: 'text', text: 'hi' }],
      usage,
      finishReason: 'stop',
      rawResponse: { text: 'hi' },
      warnings: [dropped, answered],
      requestId: 'req_1',
    });
  });

  it('sets no request id and adds no warnings when there are none', async () => {
    const { transport } = transportOf({ body: { text: 'hi' } });
    const response = await postCompletion(
      transport,
      '/chat',
      { body: {}, warnings: [] },
      undefined,
      (body: Wire) => ({ choice: [{ type: 'text', text: body.text }], usage, finishReason: 'stop', rawResponse: body }),
      'Test sent a response',
    );
    expect(response).toEqual({
      choice: [{ type: 'text', text: 'hi' }],
      usage,
      finishReason: 'stop',
      rawResponse: { text: 'hi' },
    });
    expect(response).not.toHaveProperty('requestId');
    expect(response).not.toHaveProperty('warnings');
  });

  it('turns what the parser throws on an answer of the wrong shape into a malformed response error', async () => {
    const { transport } = transportOf({ body: null, requestId: 'req_2' });
    const wrongShape = new TypeError('the body is null');
    const error = await postCompletion(
      transport,
      '/chat',
      { body: {}, warnings: [dropped] },
      undefined,
      (body: Wire | null) => {
        if (body === null) throw wrongShape;
        return parseWire(body);
      },
      'Test sent a response',
    ).catch((caught: unknown) => caught);
    const message = 'Test sent a response that rig-ts cannot read: the body is null';
    expect(error).toEqual(new CompletionError({ kind: 'response', reason: 'malformed', message, cause: wrongShape }));
    expect((error as CompletionError).cause).toBe(wrongShape);
  });

  it('lets a rig-ts error of the parser and a failure of the transport through as they are', async () => {
    const providerError = new CompletionError({ kind: 'provider', message: 'overloaded' });
    const { transport } = transportOf({ body: { text: 'hi' } });
    await expect(
      postCompletion(
        transport,
        '/chat',
        { body: {}, warnings: [] },
        undefined,
        () => {
          throw providerError;
        },
        'Test sent a response',
      ),
    ).rejects.toBe(providerError);

    const httpError = new CompletionError({ kind: 'http', status: 500, message: 'HTTP 500' });
    const failing = transportOf({ body: undefined }, httpError);
    let parsed = false;
    await expect(
      postCompletion(
        failing.transport,
        '/chat',
        { body: {}, warnings: [] },
        undefined,
        (body: Wire) => {
          parsed = true;
          return parseWire(body);
        },
        'Test sent a response',
      ),
    ).rejects.toBe(httpError);
    expect(parsed).toBe(false);
  });
});
