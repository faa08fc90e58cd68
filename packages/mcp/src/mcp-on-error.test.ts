import { afterEach, expect, it } from 'vitest';
import { connectMcp } from './connect-mcp.js';
import { startHostileHttpServer } from './test-utils/hostile-http-server.js';

const opened: { close(): Promise<void> }[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
afterEach(async () => {
  for (const item of opened.splice(0).reverse()) await item.close();
  process.off('unhandledRejection', onUnhandled);
});

it('an onError that throws is ignored: no unhandled rejection, the connection goes on', async () => {
  process.on('unhandledRejection', onUnhandled);
  const server = await startHostileHttpServer();
  opened.push(server);
  server.onGet = (response) => response.writeHead(500, 'no stream').end();
  const seen: string[] = [];
  const mcp = await connectMcp({
    url: server.url,
    protocol: 'legacy',
    name: 'hostile-http',
    onError: (error) => {
      seen.push(error.message);
      throw new Error('handler bug');
    },
  });
  opened.push(mcp);
  await expect.poll(() => seen.length).toBeGreaterThan(0);
  // The SDK reports this failure twice (where the stream fails to open, and where it was asked for).
  expect(new Set(seen)).toEqual(new Set(['Failed to open SSE stream: no stream']));
  const [tool] = await mcp.tools();
  expect(tool?.name).toBe('echo');
  // Let a rejection the handler's throw might have left surface before looking.
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(unhandled).toEqual([]);
});
