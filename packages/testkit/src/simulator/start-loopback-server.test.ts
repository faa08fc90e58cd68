import type { IncomingMessage, ServerResponse } from 'node:http';
import { createConnection } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackRequest } from './start-loopback-server.js';

describe('startLoopbackServer', () => {
  it('gives the handler the request with its body read whole, and node’s own request', async () => {
    const received: [LoopbackRequest, IncomingMessage][] = [];
    const server = await startLoopbackServer<ServerResponse, IncomingMessage>((request, response, incoming) => {
      received.push([request, incoming]);
      response.end(`got ${request.body.length} characters`);
    });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"a":'));
        controller.enqueue(new TextEncoder().encode('"é"}'));
        controller.close();
      },
    });
    const response = await fetch(`${server.url}/v1/x?y=1`, {
      method: 'POST',
      headers: { 'x-test': 'yes' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(await response.text()).toBe('got 9 characters');
    expect(received).toHaveLength(1);
    const [request, incoming] = received[0]!;
    expect(request).toEqual({
      method: 'POST',
      url: '/v1/x?y=1',
      headers: expect.objectContaining({ 'x-test': 'yes', 'transfer-encoding': 'chunked' }) as unknown,
      body: '{"a":"é"}',
    });
    expect(incoming.headers).toBe(request.headers);
    await server.close();
  });

  it('counts a request as active from its first byte, and close() drops it', async () => {
    let answered = 0;
    const server = await startLoopbackServer<ServerResponse>((_request, response) => {
      answered++;
      response.end();
    });
    expect(server.connections()).toEqual({ open: 0, active: 0, total: 0 });
    const socket = createConnection({ host: '127.0.0.1', port: Number(new URL(server.url).port) });
    await new Promise((resolve) => socket.once('connect', resolve));
    // The body is announced as 10 bytes but only 3 come: the upload stalls.
    socket.write('POST / HTTP/1.1\r\nhost: x\r\ncontent-length: 10\r\n\r\nabc');
    await waitFor(() => server.connections().active === 1);
    expect(server.connections()).toEqual({ open: 1, active: 1, total: 1 });
    expect(answered).toBe(0);
    const closed = new Promise((resolve) => socket.once('close', resolve));
    await server.close();
    await closed;
    await waitFor(() => server.connections().open === 0 && server.connections().active === 0);
    expect(server.connections()).toEqual({ open: 0, active: 0, total: 1 });
    expect(answered).toBe(0);
  });

  it('rejects when the port is taken', async () => {
    const first = await startLoopbackServer<ServerResponse>((_request, response) => response.end());
    const port = Number(new URL(first.url).port);
    await expect(
      startLoopbackServer<ServerResponse>((_request, response) => response.end(), { port }),
    ).rejects.toMatchObject({
      code: 'EADDRINUSE',
    });
    await first.close();
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
}
