import type { ServerResponse } from 'node:http';
import { ToolError, type Tool } from '@rig-ts/agent';
import { afterEach, describe, expect, it } from 'vitest';
import { connectMcp } from './connect-mcp.js';
import type { McpConnection } from './mcp-connection.js';
import { McpError } from './mcp-error.js';
import { startHostileHttpServer, type HostileHttpServer } from './test-utils/hostile-http-server.js';
import { toolBlocks as blocks, toolContext as context } from './test-utils/tool-context.js';

const TOKEN = 'hostile-bearer-token-0123456789';
const API_KEY = 'hostile-api-key-9876543210';

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of opened.splice(0).reverse()) await item.close();
});

async function serve(): Promise<HostileHttpServer> {
  const server = await startHostileHttpServer();
  opened.push(server);
  return server;
}

async function connect(server: HostileHttpServer, options: { timeoutMs?: number; connectTimeoutMs?: number } = {}) {
  const mcp = await connectMcp({
    url: server.url,
    headers: { authorization: `Bearer ${TOKEN}`, 'x-api-key': API_KEY },
    protocol: 'legacy',
    name: 'hostile-http',
    ...options,
  });
  opened.push(mcp);
  return mcp;
}

async function echo(mcp: McpConnection): Promise<Tool> {
  const [tool] = await mcp.tools();
  return tool!;
}

function redirectTo(location: string, status = 307) {
  return (_message: unknown, response: ServerResponse) => {
    response.writeHead(status, { location }).end();
  };
}

/** Everything an error carries, as text: message, stack, cause chain and own fields. */
function everything(error: unknown): string {
  const parts: string[] = [];
  for (let current = error, depth = 0; current instanceof Error && depth < 10; depth++) {
    parts.push(String(current.stack), JSON.stringify(current, Object.getOwnPropertyNames(current)));
    current = current.cause;
  }
  return parts.join('\n');
}

describe('a Streamable HTTP server that redirects to another origin', () => {
  it.each([307, 308, 302])(
    'is not followed at connect (%i): the other origin gets nothing, no header leaks',
    async (status) => {
      const [server, elsewhere] = [await serve(), await serve()];
      server.answers.set('initialize', redirectTo(`${elsewhere.url}?stolen=1`, status));
      const error = await connect(server).catch((caught: unknown) => caught);
      expect(McpError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ kind: 'connect', server: 'hostile-http' });
      expect(elsewhere.received).toEqual([]);
      expect(everything(error)).not.toContain(TOKEN);
      expect(everything(error)).not.toContain(API_KEY);
    },
  );

  it('is not followed for a tool call: the call is a tool error, the other origin gets nothing', async () => {
    const [server, elsewhere] = [await serve(), await serve()];
    const mcp = await connect(server);
    const tool = await echo(mcp);
    server.answers.set('tools/call', redirectTo(elsewhere.url));
    const error = await Promise.resolve(tool.execute({ text: 'hi' }, context())).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ToolError);
    expect(error).toMatchObject({
      message: 'MCP server "hostile-http" answered the call of tool "echo" with HTTP status 307.',
      cause: { name: 'SdkHttpError', status: 307 },
    });
    expect(elsewhere.received).toEqual([]);
    expect(everything(error)).not.toContain(TOKEN);
  });
});

describe('a Streamable HTTP server that misbehaves around its answer', () => {
  it('answers in an event stream it holds open: the call resolves, close() does not hang', async () => {
    const server = await serve();
    const mcp = await connect(server);
    const tool = await echo(mcp);
    server.answers.set('tools/call', (message, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(
        `event: message\ndata: ${JSON.stringify({ jsonrpc: '2.0', id: message.id, result: { content: [{ type: 'text', text: 'held' }] } })}\n\n`,
      );
      // Never ended.
    });
    expect(blocks(await tool.execute({ text: 'x' }, context()))).toEqual([{ type: 'text', text: 'held' }]);
    await mcp.close();
    expect(mcp.isOpen).toBe(false);
  });

  it('sends a second answer and garbage after the answer in its stream: the first answer counts, the connection goes on', async () => {
    const server = await serve();
    const mcp = await connect(server);
    const tool = await echo(mcp);
    server.answers.set('tools/call', (message, response) => {
      const answer = (text: string) =>
        `event: message\ndata: ${JSON.stringify({ jsonrpc: '2.0', id: message.id, result: { content: [{ type: 'text', text }] } })}\n\n`;
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(`${answer('first')}${answer('second')}data: {not json\n\nevent: message\ndata: [1,2]\n\n`);
    });
    expect(blocks(await tool.execute({ text: 'x' }, context()))).toEqual([{ type: 'text', text: 'first' }]);
    server.answers.delete('tools/call');
    expect(blocks(await tool.execute({ text: 'again' }, context()))).toEqual([{ type: 'text', text: 'echo: again' }]);
  });

  it('never sends its response headers: a tool call is bounded by timeoutMs, connecting by connectTimeoutMs', async () => {
    const server = await serve();
    const mcp = await connect(server, { timeoutMs: 300 });
    const tool = await echo(mcp);
    server.answers.set('tools/call', () => undefined);
    await expect(tool.execute({ text: 'x' }, context())).rejects.toMatchObject({
      name: 'ToolError',
      message: 'Tool "echo" of MCP server "hostile-http" did not answer within 300 ms.',
    });
    server.answers.set('initialize', () => undefined);
    await expect(connect(server, { connectTimeoutMs: 300 })).rejects.toMatchObject({
      kind: 'connect',
      message: 'Could not connect to MCP server "hostile-http": it did not answer within 300 ms.',
    });
  });

  it('echoes the credentials in an HTTP error body: the model reads the status only, the cause holds no secret', async () => {
    const server = await serve();
    const mcp = await connect(server);
    const tool = await echo(mcp);
    server.answers.set('tools/call', (_message, response) => {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(`denied for Bearer ${TOKEN} and ${API_KEY}`);
    });
    const error = await Promise.resolve(tool.execute({ text: 'x' }, context())).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      name: 'ToolError',
      message: 'MCP server "hostile-http" answered the call of tool "echo" with HTTP status 500.',
    });
    expect(everything(error)).not.toContain(TOKEN);
    expect(everything(error)).not.toContain(API_KEY);
  });

  it('fails to open its event stream with the credentials in the status text: onError gets the error redacted', async () => {
    const server = await serve();
    server.onGet = (response) => response.writeHead(500, `no stream for Bearer ${TOKEN}`).end();
    const errors: Error[] = [];
    const mcp = await connectMcp({
      url: server.url,
      headers: { authorization: `Bearer ${TOKEN}` },
      protocol: 'legacy',
      name: 'hostile-http',
      onError: (error) => errors.push(error),
    });
    opened.push(mcp);
    await expect.poll(() => errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({
      message: 'Failed to open SSE stream: no stream for [REDACTED]',
      status: 500,
    });
    expect(errors.map(everything).join('\n')).not.toContain(TOKEN);
  });
});
