import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StreamedAssistantContent } from '@rig-ts/core';
import { afterEach, describe, expect, it } from 'vitest';
import { pipeToNodeResponse, type NodeResponseLike } from './pipe-to-node-response.js';
import { readStreamResponse } from './read-stream-response.js';
import { streamFromItems } from './stream-from-items.js';
import { collect, itemsOf, sampleItems, sampleResponse } from './test-utils/wire-samples.js';
import { toStreamResponse } from './to-stream-response.js';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A loopback server that answers every request with `handler`; resolves with its URL. */
async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/chat`;
}

/** An endless source that records how far it got and why it was stopped. */
function endlessSource() {
  const state = { produced: 0, aborted: undefined as unknown, abortedSeen: undefined as Promise<unknown> | undefined };
  let markAborted!: (reason: unknown) => void;
  state.abortedSeen = new Promise((resolve) => (markAborted = resolve));
  async function* items(): AsyncGenerator<StreamedAssistantContent> {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      state.produced++;
      yield { type: 'text', text: `t${state.produced} ` };
    }
  }
  const stream = streamFromItems(items(), {
    onAbort: (reason) => {
      state.aborted = reason;
      markAborted(reason);
    },
  });
  return { stream, state };
}

describe('pipeToNodeResponse', () => {
  it('serves the stream wire over node:http, read back deep-equal', async () => {
    let piped: Promise<void> | undefined;
    const url = await serve((_request, response) => {
      piped = pipeToNodeResponse(streamFromItems(itemsOf(sampleItems)), response, {
        sendRawResponse: true,
        headers: { 'x-app': 'demo' },
      });
    });
    const response = await fetch(url, { method: 'POST' });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(response.headers.get('x-app')).toBe('demo');
    const stream = readStreamResponse(response);
    expect(await collect(stream)).toEqual(sampleItems);
    expect(await stream.final).toEqual(sampleResponse);
    await expect(piped).resolves.toBeUndefined();
  });

  it('cancels the server’s stream when the browser cancels (reader.cancel reaches the provider call)', async () => {
    const { stream: source, state } = endlessSource();
    let piped: Promise<void> | undefined;
    const url = await serve((_request, response) => {
      piped = pipeToNodeResponse(source, response);
    });
    const stream = readStreamResponse(await fetch(url, { method: 'POST' }));
    const iterator = stream.textStream[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ value: 't1 ', done: false });
    stream.cancel();
    const reason = await state.abortedSeen;
    expect(reason).toMatchObject({ name: 'AbortError', message: 'the client closed the connection' });
    await expect(piped).resolves.toBeUndefined();
    // The step running when the abort came may finish; then nothing more is produced.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const producedAfterAbort = state.produced;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(state.produced).toBe(producedAfterAbort);
  });

  it('cancels the server’s stream when the fetch is aborted while the provider is silent', async () => {
    let aborted!: (reason: unknown) => void;
    const abortedSeen = new Promise((resolve) => (aborted = resolve));
    async function* silent(): AsyncGenerator<StreamedAssistantContent> {
      yield { type: 'text', text: 'a' };
      await new Promise(() => undefined);
    }
    const url = await serve(
      (_request, response) => void pipeToNodeResponse(streamFromItems(silent(), { onAbort: aborted }), response),
    );
    const controller = new AbortController();
    const stream = readStreamResponse(await fetch(url, { method: 'POST', signal: controller.signal }));
    const iterator = stream.textStream[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ value: 'a', done: false });
    controller.abort();
    expect(await abortedSeen).toMatchObject({ name: 'AbortError' });
    await expect(iterator.next()).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('waits for drain when write returns false, and reads no more of the stream meanwhile', async () => {
    const pulls: number[] = [];
    async function* counted(): AsyncGenerator<StreamedAssistantContent> {
      for (let index = 1; index <= 4; index++) {
        pulls.push(index);
        yield { type: 'text', text: String(index) };
      }
      yield sampleItems[sampleItems.length - 1]!;
    }
    const events = new EventEmitter();
    const written: string[] = [];
    const response: NodeResponseLike & { ended: boolean; head: unknown[] } = {
      ended: false,
      head: [],
      writeHead(...args) {
        response.head = args;
      },
      write(chunk) {
        written.push(new TextDecoder().decode(chunk));
        return false;
      },
      end() {
        response.ended = true;
      },
      on: (event: string, listener: (...args: unknown[]) => void) => events.on(event, listener),
      off: (event: string, listener: (...args: unknown[]) => void) => events.off(event, listener),
    };
    const piped = pipeToNodeResponse(streamFromItems(counted()), response);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(written).toEqual(['event: start\ndata: {"type":"start","version":1}\n\n']);
    expect(pulls).toEqual([]);
    events.emit('drain');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(written).toHaveLength(2);
    expect(pulls).toEqual([1]);
    for (let index = 0; index < 10 && !response.ended; index++) {
      events.emit('drain');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await piped;
    expect(response.ended).toBe(true);
    expect(written).toHaveLength(6);
    expect(response.head).toEqual([
      200,
      {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        'x-accel-buffering': 'no',
      },
    ]);
    expect(events.listenerCount('close') + events.listenerCount('drain') + events.listenerCount('error')).toBe(0);
  });

  it('cancels the stream when the client closes while a write waits for drain', async () => {
    const { stream: source, state } = endlessSource();
    const events = new EventEmitter();
    const response: NodeResponseLike = {
      writeHead() {},
      write: () => false,
      end() {},
      on: (event: string, listener: (...args: unknown[]) => void) => events.on(event, listener),
      off: (event: string, listener: (...args: unknown[]) => void) => events.off(event, listener),
    };
    const piped = pipeToNodeResponse(source, response);
    await new Promise((resolve) => setTimeout(resolve, 20));
    events.emit('close');
    await piped;
    expect(await state.abortedSeen).toMatchObject({ name: 'AbortError' });
  });
});

describe('toStreamResponse', () => {
  it('cancels the stream when its body is cancelled', async () => {
    const { stream: source, state } = endlessSource();
    const response = toStreamResponse(source, { status: 201, headers: { 'cache-control': 'no-store' } });
    expect(response.status).toBe(201);
    expect(Object.fromEntries(response.headers)).toEqual({
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    });
    const reader = response.body!.getReader();
    await reader.read();
    await reader.read();
    await reader.cancel('browser left');
    expect(await state.abortedSeen).toBe('browser left');
  });
});

// A node:http ServerResponse is a NodeResponseLike (checked by the compiler).
export const serverResponseFits = (response: import('node:http').ServerResponse): NodeResponseLike => response;
