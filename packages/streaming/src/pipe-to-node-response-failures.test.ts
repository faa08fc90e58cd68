// What pipeToNodeResponse does when the response itself fails: a head that cannot be written (a header value with a
// line break) or a write that throws. The stream is cancelled either way (so the provider call stops); a head that
// cannot be written is the caller's mistake and rejects with it; after a failed write the response is ended.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StreamedAssistantContent } from '@rig-ts/core';
import { afterEach, describe, expect, it } from 'vitest';
import { pipeToNodeResponse, type NodeResponseLike } from './pipe-to-node-response.js';
import { streamFromItems } from './stream-from-items.js';
import { toStreamResponse } from './to-stream-response.js';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A stream of text items that records why it was cancelled. */
function watchedStream() {
  const state = { cancelled: undefined as unknown };
  async function* items(): AsyncGenerator<StreamedAssistantContent> {
    for (let index = 0; ; index++) {
      await new Promise((resolve) => setTimeout(resolve, 2));
      yield { type: 'text', text: `t${index} ` };
    }
  }
  const stream = streamFromItems(items(), { onAbort: (reason) => (state.cancelled = reason) });
  return { stream, state };
}

describe('pipeToNodeResponse when the response fails', () => {
  it('rejects with the error of a head it cannot write, after cancelling the stream, and the client gets a 500', async () => {
    const { stream, state } = watchedStream();
    let piped: Promise<unknown> | undefined;
    server = createServer((_request, response) => {
      piped = pipeToNodeResponse(stream, response, { headers: { 'x-note': 'line one\nline two' } }).catch(
        (error: unknown) => {
          response.statusCode = 500;
          response.end();
          return error;
        },
      );
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const answer = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    expect(answer.status).toBe(500);
    const error = await piped;
    expect(error).toBeInstanceOf(TypeError);
    expect((error as { code?: unknown }).code).toBe('ERR_INVALID_CHAR');
    expect(state.cancelled).toBe(error);
  });

  it('resolves, cancels the stream and ends the response when a write throws', async () => {
    const { stream, state } = watchedStream();
    const failure = new Error('socket gone');
    let writes = 0;
    const response: NodeResponseLike = {
      headersSent: false,
      writableEnded: false,
      writeHead() {
        (this as { headersSent: boolean }).headersSent = true;
      },
      write() {
        writes++;
        if (writes === 3) throw failure;
        return true;
      },
      end() {
        (this as { writableEnded: boolean }).writableEnded = true;
      },
      on: () => undefined,
      off: () => undefined,
    };
    await expect(pipeToNodeResponse(stream, response)).resolves.toBeUndefined();
    expect(writes).toBe(3);
    expect(state.cancelled).toBe(failure);
    expect(response.writableEnded).toBe(true);
  });
});

describe('toStreamResponse with options a Response refuses', () => {
  it.each([
    ['a header value with a line break', { headers: { 'x-note': 'a\nb' } }],
    ['a status out of range', { status: 99 }],
  ])('throws for %s, after cancelling the stream', (_name, options) => {
    const { stream, state } = watchedStream();
    let thrown: unknown;
    try {
      toStreamResponse(stream, options);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf('status' in options ? RangeError : TypeError);
    expect(state.cancelled).toBe(thrown);
  });
});
