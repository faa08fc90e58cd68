import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES } from './cap-message-bytes.js';
import { connectMcp } from './connect-mcp.js';
import { startHostileHttpServer, type HostileHttpServer } from './test-utils/hostile-http-server.js';
import { toolBlocks as blocks, toolContext as context } from './test-utils/tool-context.js';

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of opened.splice(0).reverse()) await item.close();
});

/** Writes `head`, then 1 MiB chunks of `filler` until the client stops reading (or 200 MiB); counts what was written. */
function endless(response: ServerResponse, contentType: string, head: string, filler: string) {
  const sent = { bytes: 0, closed: false };
  const chunk = Buffer.from(filler.repeat(Math.ceil(2 ** 20 / filler.length)).slice(0, 2 ** 20));
  response.on('close', () => (sent.closed = true));
  response.writeHead(200, { 'content-type': contentType });
  response.write(head);
  const pump = () => {
    while (!sent.closed && sent.bytes < 200 * 2 ** 20) {
      sent.bytes += chunk.length;
      if (!response.write(chunk)) return void response.once('drain', pump);
    }
  };
  pump();
  return sent;
}

async function setUp(options: { timeoutMs?: number } = {}) {
  const server: HostileHttpServer = await startHostileHttpServer();
  opened.push(server);
  const errors: Error[] = [];
  const mcp = await connectMcp({
    url: server.url,
    protocol: 'legacy',
    name: 'hostile-http',
    onError: (error) => errors.push(error),
    ...options,
  });
  opened.push(mcp);
  const [tool] = await mcp.tools();
  return { server, mcp, tool: tool!, errors };
}

const TOO_LARGE = `the MCP server sent a message of more than ${MAX_MESSAGE_BYTES} bytes (the most rig-ts reads)`;
/** What a server may have written before the client stopped reading: the limit, and what sockets hold in flight. */
const MOST_WRITTEN = 32 * 2 ** 20;

describe('an MCP server over HTTP that sends an answer without end', () => {
  it('as one JSON body: the call fails once the answer passes 10 MiB, the body is no longer read', async () => {
    const { server, tool } = await setUp({ timeoutMs: 20_000 });
    let sent: { bytes: number; closed: boolean } | undefined;
    server.answers.set('tools/call', (message, response) => {
      sent = endless(
        response,
        'application/json',
        `{"jsonrpc":"2.0","id":${message.id},"result":{"content":[{"type":"text","text":"`,
        'x',
      );
    });
    const error = await Promise.resolve(tool.execute({ text: 'x' }, context())).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      name: 'ToolError',
      message: 'Tool "echo" of MCP server "hostile-http" failed.',
      cause: { message: TOO_LARGE },
    });
    await expect.poll(() => sent?.closed).toBe(true);
    expect(sent!.bytes).toBeLessThan(MOST_WRITTEN);
    server.answers.delete('tools/call');
    expect(blocks(await tool.execute({ text: 'again' }, context()))).toEqual([{ type: 'text', text: 'echo: again' }]);
  });

  it('as one event of an event stream: the stream is dropped once the event passes 10 MiB, onError is told', async () => {
    const { server, tool, errors } = await setUp({ timeoutMs: 3000 });
    let sent: { bytes: number; closed: boolean } | undefined;
    server.answers.set('tools/call', (_message, response) => {
      sent = endless(response, 'text/event-stream', 'event: message\ndata: ', 'y');
    });
    // The SDK does not fail a request whose stream broke: the call ends at its time limit.
    await expect(tool.execute({ text: 'x' }, context())).rejects.toMatchObject({
      name: 'ToolError',
      message: 'Tool "echo" of MCP server "hostile-http" did not answer within 3000 ms.',
    });
    expect(errors.map((error) => error.message)).toContain(`SSE stream disconnected: Error: ${TOO_LARGE}`);
    await expect.poll(() => sent?.closed).toBe(true);
    expect(sent!.bytes).toBeLessThan(MOST_WRITTEN);
  });

  it('as many events of one stream, each under the limit: all of it is read, the answer counts', async () => {
    const { server, tool, errors } = await setUp();
    const log = 'z'.repeat(2 ** 20);
    server.answers.set('tools/call', (message, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      for (let index = 0; index < 12; index++)
        response.write(
          `event: message\ndata: ${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: log } })}\n\n`,
        );
      response.end(
        `event: message\ndata: ${JSON.stringify({ jsonrpc: '2.0', id: message.id, result: { content: [{ type: 'text', text: 'after 12 MiB' }] } })}\n\n`,
      );
    });
    expect(blocks(await tool.execute({ text: 'x' }, context()))).toEqual([{ type: 'text', text: 'after 12 MiB' }]);
    expect(errors).toEqual([]);
  });
});
