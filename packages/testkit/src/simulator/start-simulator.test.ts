import { createConnection } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startSimulator } from './start-simulator.js';

describe('startSimulator', () => {
  it('listens on a free loopback port and derives the provider base URLs', async () => {
    const simulator = await startSimulator();
    expect(simulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(simulator.baseURLs).toEqual({
      openai: `${simulator.url}/v1`,
      anthropic: `${simulator.url}/v1`,
      gemini: `${simulator.url}/v1beta`,
      ollama: simulator.url,
    });
    await simulator.close();
    await expect(fetch(`${simulator.url}/`)).rejects.toThrow('fetch failed');
  });

  it('listens on the port asked for', async () => {
    const probe = await startSimulator();
    const port = Number(new URL(probe.url).port);
    await probe.close();
    const simulator = await startSimulator({ port, host: '127.0.0.1' });
    expect(simulator.url).toBe(`http://127.0.0.1:${port}`);
    await simulator.close();
  });

  it('rejects when the port is taken', async () => {
    const first = await startSimulator();
    const port = Number(new URL(first.url).port);
    await expect(startSimulator({ port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    await first.close();
  });

  it('close() drops stalled streams instead of waiting for them', async () => {
    const simulator = await startSimulator();
    const response = await fetch(`${simulator.baseURLs.openai}/chat/completions`, {
      method: 'POST',
      headers: { 'x-sim-fault': 'stall' },
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }], stream: true }),
    });
    const reading = response.text().catch((error: unknown) => error);
    const started = Date.now();
    await simulator.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await reading).toMatchObject({ message: 'terminated' });
  });

  it('a client that disconnects mid-stream stops the writes', async () => {
    const simulator = await startSimulator();
    const { port } = new URL(simulator.url);
    const body = JSON.stringify({ model: 'llama3.2', messages: [{ role: 'user', content: 'hello' }] });
    const socket = createConnection({ host: '127.0.0.1', port: Number(port) });
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      `POST /api/chat HTTP/1.1\r\nhost: x\r\nx-sim-delay-ms: 50\r\ncontent-length: ${body.length}\r\n\r\n${body}`,
    );
    await new Promise((resolve) => socket.once('data', resolve));
    socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(simulator.requests).toHaveLength(1);
    expect(await (await fetch(`${simulator.url}/`)).text()).toBe('Ollama is running');
    await simulator.close();
  });

  it('counts connections on the server side: open, still answering, and accepted', async () => {
    const simulator = await startSimulator();
    expect(simulator.connections()).toEqual({ open: 0, active: 0, total: 0 });
    const request = (fault?: string) =>
      fetch(`${simulator.baseURLs.openai}/chat/completions`, {
        method: 'POST',
        headers: fault === undefined ? {} : { 'x-sim-fault': fault },
        body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }], stream: true }),
      });
    await (await request()).text();
    // The answer is complete; undici keeps the socket for the next call.
    expect(simulator.connections()).toEqual({ open: 1, active: 0, total: 1 });
    const controller = new AbortController();
    const stalled = await fetch(`${simulator.baseURLs.openai}/chat/completions`, {
      method: 'POST',
      headers: { 'x-sim-fault': 'stall' },
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }], stream: true }),
      signal: controller.signal,
    });
    expect(stalled.status).toBe(200);
    expect(simulator.connections()).toMatchObject({ active: 1 });
    controller.abort();
    await waitFor(() => simulator.connections().active === 0);
    expect(simulator.connections()).toMatchObject({ active: 0 });
    expect(simulator.connections().total).toBeGreaterThanOrEqual(1);
    await simulator.close();
    await waitFor(() => simulator.connections().open === 0);
    expect(simulator.connections().open).toBe(0);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
}
