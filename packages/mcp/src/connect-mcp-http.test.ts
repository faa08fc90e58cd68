import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AgentBuilder, ToolError, type Tool } from '@rig-ts/agent';
import { MockCompletionModel } from '@rig-ts/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { connectMcp } from './connect-mcp.js';
import type { McpConnection } from './mcp-connection.js';
import { McpError } from './mcp-error.js';
import {
  fixtureState,
  toolDefinition,
  type FixtureServerState,
  type FixtureTool,
} from './test-utils/fixture-mcp-server.js';
import {
  startHttpFixtureServer,
  startSessionHttpFixtureServer,
  type HttpFixtureServer,
} from './test-utils/http-fixture-server.js';
import { toolBlocks as blocks, toolContext as context } from './test-utils/tool-context.js';

const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

function named(tools: Tool[], name: string): Tool {
  const found = tools.find((tool) => tool.name === name);
  if (found === undefined) throw new Error(`no tool ${name}`);
  return found;
}

const echo: FixtureTool = {
  definition: toolDefinition('echo', 'Echoes the text', ['text']),
  run: (args) => ({ content: [{ type: 'text', text: `echo: ${String(args.text)}` }] }),
};
const image: FixtureTool = {
  definition: toolDefinition('image', 'A tiny image'),
  run: () => ({ content: [{ type: 'image', data: TINY_PNG, mimeType: 'image/png' }] }),
};
const hang: FixtureTool = { definition: toolDefinition('hang', 'Never answers'), run: () => new Promise(() => {}) };
const failing: FixtureTool = {
  definition: toolDefinition('failing', 'Reports an error'),
  run: () => ({ content: [{ type: 'text', text: 'the disk is full' }], isError: true }),
};

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of opened.splice(0).reverse()) await item.close();
});

async function serve(state: FixtureServerState) {
  const server = await startHttpFixtureServer(state);
  opened.push(server);
  return server;
}

async function connect(
  server: HttpFixtureServer,
  options: Partial<Parameters<typeof connectMcp>[0]> = {},
): Promise<McpConnection> {
  const mcp = await connectMcp({
    url: server.url,
    headers: { authorization: 'Bearer test-token', 'x-tenant': 'acme' },
    ...options,
  } as Parameters<typeof connectMcp>[0]);
  opened.push(mcp);
  return mcp;
}

describe('connectMcp over Streamable HTTP, against a server made with the SDK server classes', () => {
  it('speaks 2026-07-28 by default, sends the headers with every request, and calls tools', async () => {
    const state = fixtureState([echo, image]);
    const server = await serve(state);
    const mcp = await connect(server);
    expect(mcp.protocolVersion).toBe('2026-07-28');
    expect(mcp.serverInfo).toEqual({ name: 'fixture-mcp', version: '1.0.0' });
    const tools = await mcp.tools();
    expect(tools.map((tool) => [tool.name, tool.description])).toEqual([
      ['echo', 'Echoes the text'],
      ['image', 'A tiny image'],
    ]);
    expect(blocks(await named(tools, 'echo').execute({ text: 'hi' }, context()))).toEqual([
      { type: 'text', text: 'echo: hi' },
    ]);
    expect(blocks(await named(tools, 'image').execute({}, context()))).toEqual([
      { type: 'image', source: { type: 'base64', data: TINY_PNG }, mediaType: 'image/png' },
    ]);
    const headers = { authorization: 'Bearer test-token', 'x-tenant': 'acme' };
    expect(state.received).toEqual([
      { era: 'modern', method: 'tools/list', params: {}, headers },
      { era: 'modern', method: 'tools/call', params: { name: 'echo', arguments: { text: 'hi' } }, headers },
      { era: 'modern', method: 'tools/call', params: { name: 'image', arguments: {} }, headers },
    ]);
  });

  it('serves an agent whose scripted model calls the tools; the server receives exactly those calls', async () => {
    const state = fixtureState([echo, image]);
    const mcp = await connect(await serve(state), { prefix: 'remote_' });
    const model = new MockCompletionModel([
      { toolCalls: [{ id: 'call_1', name: 'remote_echo', arguments: { text: 'over HTTP' } }] },
      { toolCalls: [{ id: 'call_2', name: 'remote_image' }] },
      'Echoed and drew.',
    ]);
    const agent = new AgentBuilder(model).tools(await mcp.tools()).build();
    expect(await agent.prompt('Echo, then draw.')).toBe('Echoed and drew.');
    expect(
      state.received.filter((request) => request.method === 'tools/call').map((request) => request.params),
    ).toEqual([
      { name: 'echo', arguments: { text: 'over HTTP' } },
      { name: 'image', arguments: {} },
    ]);
    expect(model.requests[0]!.tools.map((definition) => definition.name)).toEqual(['remote_echo', 'remote_image']);
    expect(model.requests[2]!.chatHistory.at(-1)).toEqual({
      role: 'user',
      content: [
        {
          type: 'tool-result',
          id: 'call_2',
          name: 'remote_image',
          content: [{ type: 'image', source: { type: 'base64', data: TINY_PNG }, mediaType: 'image/png' }],
        },
      ],
    });
  });

  it('falls back to the 2025 handshake with protocol legacy', async () => {
    const state = fixtureState([echo]);
    const mcp = await connect(await serve(state), { protocol: 'legacy' });
    expect(mcp.protocolVersion).toBe('2025-11-25');
    expect(blocks(await named(await mcp.tools(), 'echo').execute({ text: 'old' }, context()))).toEqual([
      { type: 'text', text: 'echo: old' },
    ]);
    expect(state.received.map((request) => [request.era, request.method])).toEqual([
      ['legacy', 'tools/list'],
      ['legacy', 'tools/call'],
    ]);
  });

  it('reads every page of the tool list', async () => {
    const many = Array.from({ length: 7 }, (_unused, index): FixtureTool => ({
      definition: toolDefinition(`tool-${index}`, `Tool ${index}`),
      run: () => ({ content: [] }),
    }));
    const state = fixtureState(many, 3);
    const mcp = await connect(await serve(state));
    expect((await mcp.tools()).map((tool) => tool.name)).toEqual([
      'tool-0',
      'tool-1',
      'tool-2',
      'tool-3',
      'tool-4',
      'tool-5',
      'tool-6',
    ]);
    expect(state.received.map((request) => request.params)).toEqual([{}, { cursor: '3' }, { cursor: '6' }]);
  });

  it('sends an isError result back as a tool error with its text, and a JSON-RPC error with the server message', async () => {
    const state = fixtureState([failing, echo]);
    const mcp = await connect(await serve(state), { name: 'files' });
    const tools = await mcp.tools();
    const failed = named(tools, 'failing').execute({}, context());
    await expect(failed).rejects.toSatisfy(ToolError.isInstance);
    await expect(failed).rejects.toThrow(/^the disk is full$/);
    state.tools = [failing];
    const unknown = named(tools, 'echo').execute({ text: 'x' }, context());
    await expect(unknown).rejects.toSatisfy(ToolError.isInstance);
    await expect(unknown).rejects.toThrow(
      /^MCP server "files" rejected the call of tool "echo": Unknown tool: echo \(JSON-RPC error -32602\)\.$/,
    );
  });

  it('prefixes tool names and keeps the server name for the call', async () => {
    const state = fixtureState([echo]);
    const mcp = await connect(await serve(state), { prefix: 'remote_' });
    const [tool] = await mcp.tools();
    expect(tool!.name).toBe('remote_echo');
    await tool!.execute({ text: 'p' }, context());
    expect(state.received.at(-1)).toMatchObject({
      method: 'tools/call',
      params: { name: 'echo', arguments: { text: 'p' } },
    });
  });

  it('rejects two server tools that map to one name', async () => {
    const state = fixtureState([
      { definition: toolDefinition('a.b', 'dotted'), run: () => ({ content: [] }) },
      { definition: toolDefinition('a_b', 'underscored'), run: () => ({ content: [] }) },
    ]);
    const mcp = await connect(await serve(state));
    await expect(mcp.tools()).rejects.toMatchObject({
      kind: 'name-clash',
      clashes: [
        { name: 'a_b', sources: ['MCP server "fixture-mcp" (tool "a.b")', 'MCP server "fixture-mcp" (tool "a_b")'] },
      ],
    });
  });

  it('cancels the request on the server when the run signal aborts, and rethrows the abort reason', async () => {
    const state = fixtureState([hang]);
    const mcp = await connect(await serve(state));
    const controller = new AbortController();
    const call = named(await mcp.tools(), 'hang').execute({}, context(controller.signal));
    await expect.poll(() => state.received.some((request) => request.method === 'tools/call')).toBe(true);
    const reason = new Error('the user stopped the run');
    controller.abort(reason);
    await expect(call).rejects.toBe(reason);
    await expect.poll(() => state.cancelled).toEqual(['hang']);
  });

  it('bounds a hanging tool by timeoutMs with a tool error, and cancels it on the server', async () => {
    const state = fixtureState([hang]);
    const mcp = await connect(await serve(state), { timeoutMs: 1_500, name: 'slow' });
    const call = named(await mcp.tools(), 'hang').execute({}, context());
    await expect(call).rejects.toSatisfy(ToolError.isInstance);
    await expect(call).rejects.toThrow(/^Tool "hang" of MCP server "slow" did not answer within 1500 ms\.$/);
    await expect.poll(() => state.cancelled).toEqual(['hang']);
  });

  it('gives a tool error, not a hang, when the server dies during a call', async () => {
    const state = fixtureState([hang, echo]);
    const server = await serve(state);
    const mcp = await connect(server, { name: 'remote' });
    const tools = await mcp.tools();
    const call = named(tools, 'hang').execute({}, context());
    await expect.poll(() => state.received.some((request) => request.method === 'tools/call')).toBe(true);
    server.kill();
    await expect(call).rejects.toSatisfy(ToolError.isInstance);
    await expect(call).rejects.toThrow(/^MCP server "remote" could not be reached to call tool "hang"\.$/);
    const next = named(tools, 'echo').execute({ text: 'again' }, context());
    await expect(next).rejects.toThrow(/^MCP server "remote" could not be reached to call tool "echo"\.$/);
  });

  it('picks up a changed tool list (the 2026-07-28 subscription) between turns, without listing while nothing changes', async () => {
    const state = fixtureState([echo]);
    const server = await startHttpFixtureServer(state);
    opened.push(server);
    const mcp = await connect(server);
    const source = mcp.toolSource();
    expect((await source()).map((tool) => tool.name)).toEqual(['echo']);
    expect((await source()).map((tool) => tool.name)).toEqual(['echo']);
    expect(state.received.filter((request) => request.method === 'tools/list')).toHaveLength(1);
    state.tools = [echo, image];
    server.handler.notify.toolsChanged();
    await expect.poll(async () => (await source()).map((tool) => tool.name)).toEqual(['echo', 'image']);
    expect(state.received.filter((request) => request.method === 'tools/list')).toHaveLength(2);
  });

  it('rejects a server that answers with an HTTP error, naming only the status (no URL query, header or body)', async () => {
    const server = createServer((request, response) => {
      response.writeHead(401, {
        'content-type': 'application/json',
        'www-authenticate': 'Bearer error="invalid_token"',
      });
      response.end(JSON.stringify({ error: `bad token ${request.headers.authorization} for ${request.url}` }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    opened.push({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp?key=secret`;
    for (const protocol of ['auto', 'legacy'] as const) {
      const error = await connectMcp({ url, headers: { authorization: 'Bearer secret-token' }, protocol }).catch(
        (caught: unknown) => caught,
      );
      expect(McpError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({
        kind: 'connect',
        server: `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`,
        message: `Could not connect to MCP server "http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp": it answered with HTTP status 401.`,
      });
      expect(JSON.stringify((error as McpError).toJSON())).not.toMatch(/secret/);
    }
  });
});

describe('tool listing under pressure', () => {
  it('shares one listing between concurrent callers, and a caller that gives up does not stop the others', async () => {
    const state = fixtureState([echo, image]);
    const mcp = await connect(await serve(state));
    const controller = new AbortController();
    const reason = new Error('gave up');
    const impatient = mcp.tools({ signal: controller.signal }).catch((error: unknown) => error);
    controller.abort(reason);
    const lists = await Promise.all([mcp.tools(), mcp.tools(), mcp.tools()]);
    expect(await impatient).toBe(reason);
    expect(lists.map((tools) => tools.map((tool) => tool.name))).toEqual([
      ['echo', 'image'],
      ['echo', 'image'],
      ['echo', 'image'],
    ]);
    expect(lists[0]).not.toBe(lists[1]);
    expect(state.received.filter((request) => request.method === 'tools/list')).toHaveLength(1);
  });

  it('returns a list to a server that keeps announcing changes, after a bounded number of listings', async () => {
    const state = fixtureState([echo]);
    const server = await serve(state);
    const mcp = await connect(server);
    await mcp.tools();
    const listings = () => state.received.filter((request) => request.method === 'tools/list').length;
    const noisy = setInterval(() => server.handler.notify.toolsChanged(), 1);
    try {
      // Without the cap of listings per call, tools() never returns once the announcements reach the client.
      const listingsAfterCall = async () => {
        await mcp.tools();
        return listings();
      };
      await expect.poll(listingsAfterCall, { timeout: 10_000 }).toBeGreaterThan(2);
      const before = listings();
      expect((await mcp.tools()).map((tool) => tool.name)).toEqual(['echo']);
      expect(listings() - before).toBeLessThanOrEqual(4);
    } finally {
      clearInterval(noisy);
    }
  });
});

describe('a 2025-era Streamable HTTP session', () => {
  it('picks up list_changed between turns and ends the session on close', async () => {
    const state = fixtureState([echo]);
    const server = await startSessionHttpFixtureServer(state);
    opened.push(server);
    const mcp = await connectMcp({ url: server.url, protocol: 'legacy' });
    const source = mcp.toolSource();
    expect((await source()).map((tool) => tool.name)).toEqual(['echo']);
    state.tools = [echo, failing];
    await server.server.sendToolListChanged();
    await expect.poll(async () => (await source()).map((tool) => tool.name)).toEqual(['echo', 'failing']);
    await mcp.close();
    expect(server.httpMethods.at(-1)).toBe('DELETE');
  });
});
