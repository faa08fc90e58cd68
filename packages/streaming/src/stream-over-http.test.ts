import { CompletionError, type StreamedAssistantContent } from '@rig-ts/core';
import { startLoopbackServer, type Handler, type LoopbackServer } from '@rig-ts/fixtures/loopback';
import { HttpTransport } from '@rig-ts/http';
import { collectUntilError } from '@rig-ts/fixtures/collect-until-error';
import { afterEach, describe, expect, it } from 'vitest';
import type { StreamAdapter } from './stream-adapter.js';
import { createStreamingResponse } from './streaming-response.js';

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const adapter = (): StreamAdapter => ({
  onFrame(data, _event, accumulator) {
    const chunk = data as { text?: string; end?: boolean };
    if (chunk.text) accumulator.text(chunk.text);
    if (chunk.end) {
      accumulator.finishReason = 'stop';
      accumulator.end();
    }
  },
});

const frame = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`;

async function open(handler: Handler, callOptions: { signal?: AbortSignal; idleTimeoutMs?: number } = {}) {
  server = await startLoopbackServer(handler);
  const transport = new HttpTransport({ provider: 'TestAI', baseURL: server.url, apiKey: 'k' });
  const call = await transport.postStream('/stream', {}, callOptions);
  return createStreamingResponse(call, 'sse', adapter());
}

function headers(response: import('node:http').ServerResponse): void {
  response.writeHead(200, { 'content-type': 'text/event-stream' });
}

describe('streams over a real HTTP connection', () => {
  it('a complete stream aggregates', async () => {
    const stream = await open((_request, response) => {
      headers(response);
      response.end(frame({ text: 'a' }) + frame({ text: 'b' }) + frame({ end: true }));
    });
    expect((await stream.final).choice).toEqual([{ type: 'text', text: 'ab' }]);
  });

  it('an answer whose connection is held open ends at its end event, not at the idle timeout, and the socket is closed', async () => {
    const stream = await open(
      (_request, response) => {
        headers(response);
        response.write(frame({ text: 'a' }) + frame({ text: 'b' }) + frame({ end: true }));
      },
      { idleTimeoutMs: 60_000 },
    );
    const started = Date.now();
    expect((await stream.final).choice).toEqual([{ type: 'text', text: 'ab' }]);
    // Not a hang: without the end event, this waits for the 60 s idle timeout.
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect.poll(() => server!.closedSockets, { timeout: 2_000 }).toBe(1);
  });

  it('an answer whose body ends after its end event keeps its connection for the next call', async () => {
    const stream = await open((_request, response) => {
      headers(response);
      response.end(frame({ text: 'a' }) + frame({ end: true }) + frame({ text: ' EXTRA' }) + 'data: junk\n\n');
    });
    expect((await stream.final).choice).toEqual([{ type: 'text', text: 'a' }]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(server!.closedSockets).toBe(0);
  });

  it('a stream cut mid-way throws a CompletionError and produces no final', async () => {
    const stream = await open((_request, response) => {
      headers(response);
      response.write(frame({ text: 'partial' }));
      setTimeout(() => response.socket?.destroy(), 20);
    });
    const { items, error } = await collectUntilError(stream);
    expect(items).toEqual([{ type: 'text', text: 'partial' }]);
    expect(CompletionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'http' });
    expect((error as Error).message).toMatch(
      /^network error calling TestAI at POST http:\/\/127\.0\.0\.1:\d+\/stream: terminated/,
    );
    expect(stream.usage()).toBeUndefined();
    await expect(stream.final).rejects.toBe(error);
  });

  it('a stream that ends without its end event is a truncation error', async () => {
    const stream = await open((_request, response) => {
      headers(response);
      response.end(frame({ text: 'a' }));
    });
    await expect(stream.final).rejects.toMatchObject({ kind: 'response', reason: 'truncated' });
  });

  it('aborting mid-stream rejects with the abort reason within 100 ms and closes the socket', async () => {
    const controller = new AbortController();
    const stream = await open(
      (_request, response) => {
        headers(response);
        response.write(frame({ text: 'a' }));
      },
      { signal: controller.signal },
    );
    const iterator = stream[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ value: { type: 'text', text: 'a' }, done: false });
    const pending = iterator.next();
    const reason = new Error('user pressed stop');
    const started = Date.now();
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    // Promptly: the server sends nothing more, so without the abort this would wait for the idle timeout (minutes).
    // The bound leaves room for a loaded CI machine; timing budgets belong to benchmarks.
    expect(Date.now() - started).toBeLessThan(1000);
    await expect.poll(() => server!.closedSockets, { timeout: 1000 }).toBe(1);
  });

  it('cancel() releases the connection', async () => {
    const stream = await open((_request, response) => {
      headers(response);
      response.write(frame({ text: 'a' }));
    });
    for await (const item of stream) {
      expect(item).toEqual({ type: 'text', text: 'a' });
      stream.cancel();
    }
    await expect.poll(() => server!.closedSockets, { timeout: 1000 }).toBe(1);
  });

  it('a stalled server hits the idle timeout', async () => {
    const stream = await open(
      (_request, response) => {
        headers(response);
        response.write(frame({ text: 'a' }));
      },
      { idleTimeoutMs: 100 },
    );
    await expect(stream.final).rejects.toMatchObject({
      kind: 'http',
      message: 'stream idle timeout: no data from the provider for 100 ms (idleTimeoutMs)',
    });
    await expect.poll(() => server!.closedSockets, { timeout: 1000 }).toBe(1);
  });
});
