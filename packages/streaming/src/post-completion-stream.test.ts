import { CompletionError, type CallOptions, type Warning } from '@rig-ts/core';
import { describe, expect, it, vi } from 'vitest';
import { postCompletionStream, type StreamPoster } from './post-completion-stream.js';
import type { StreamAdapter } from './stream-adapter.js';
import type { StreamTransport } from './stream-transport.js';
import { fakeTransport } from './test-utils/fake-transport.js';

const dropped: Warning = { type: 'unsupported', feature: 'temperature', details: 'not with reasoning models' };

/** Text frames `{ "text": … }`; `{ "end": true }` ends the answer. */
function textAdapter(): StreamAdapter<unknown> {
  return {
    onFrame(data, _event, accumulator) {
      const frame = data as { text?: string; end?: boolean };
      if (frame.text !== undefined) accumulator.text(frame.text);
      if (frame.end === true) {
        accumulator.finishReason = 'stop';
        accumulator.end();
      }
    },
  };
}

function posterOf(call: StreamTransport | Error) {
  const calls: { path: string; body: unknown; options: CallOptions | undefined; streamOptions: unknown }[] = [];
  const poster: StreamPoster = {
    postStream(path, body, options, streamOptions) {
      calls.push({ path, body, options, streamOptions });
      return call instanceof Error ? Promise.reject(call) : Promise.resolve(call);
    },
  };
  return { poster, calls };
}

describe('postCompletionStream', () => {
  it('posts the prepared body and streams the answer, the adapter made with the request id', async () => {
    const { poster, calls } = posterOf(
      fakeTransport(['data: {"text":"Hel"}\n\n', 'data: {"text":"lo"}\n\n', 'data: {"end":true}\n\n'], {
        requestId: 'req_7',
      }),
    );
    const adapter = vi.fn((_requestId: string | undefined) => textAdapter());
    const options = { signal: new AbortController().signal };
    const prepared = { body: { prompt: 'hi' }, warnings: [dropped] };
    const stream = await postCompletionStream(poster, '/chat', prepared, options, { format: 'sse', adapter });
    expect(calls).toEqual([{ path: '/chat', body: { prompt: 'hi' }, options, streamOptions: {} }]);
    expect(adapter.mock.calls).toEqual([['req_7']]);
    expect(await stream.final).toEqual({
      choice: [{ type: 'text', text: 'Hello' }],
      finishReason: 'stop',
      usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0 },
      rawResponse: undefined,
      requestId: 'req_7',
      warnings: [dropped],
    });
  });

  it('asks for the content types given and reads newline-delimited JSON', async () => {
    const { poster, calls } = posterOf(fakeTransport(['{"text":"hi"}\n{"end":true}\n']));
    const stream = await postCompletionStream(poster, '/api/chat', { body: {}, warnings: [] }, undefined, {
      format: 'ndjson',
      adapter: textAdapter,
      contentTypes: ['application/x-ndjson', 'application/json'],
    });
    expect(calls).toEqual([
      {
        path: '/api/chat',
        body: {},
        options: undefined,
        streamOptions: { contentTypes: ['application/x-ndjson', 'application/json'] },
      },
    ]);
    const final = await stream.final;
    expect(final).toEqual({
      choice: [{ type: 'text', text: 'hi' }],
      finishReason: 'stop',
      usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0 },
      rawResponse: undefined,
    });
    expect(final).not.toHaveProperty('warnings');
    expect(final).not.toHaveProperty('requestId');
  });

  it('lets a failure of the transport through and makes no adapter', async () => {
    const httpError = new CompletionError({ kind: 'http', status: 429, message: 'HTTP 429' });
    const { poster } = posterOf(httpError);
    let made = 0;
    await expect(
      postCompletionStream(poster, '/chat', { body: {}, warnings: [] }, undefined, {
        format: 'sse',
        adapter: () => {
          made++;
          return textAdapter();
        },
      }),
    ).rejects.toBe(httpError);
    expect(made).toBe(0);
  });
});
