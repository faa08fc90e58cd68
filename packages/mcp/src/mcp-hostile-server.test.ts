import { fileURLToPath } from 'node:url';
import { ToolError, type Tool } from '@rig-ts/agent';
import { afterEach, describe, expect, it } from 'vitest';
import { connectMcp } from './connect-mcp.js';
import type { McpConnection } from './mcp-connection.js';
import { McpError } from './mcp-error.js';
import { createLogFile } from './test-utils/stdio-servers.js';
import { toolBlocks as blocks, toolContext as context } from './test-utils/tool-context.js';

/** A stdio server written by hand, so it can send what the SDK's server classes never would. */
const HOSTILE_SERVER = fileURLToPath(new URL('./test-utils/hostile-stdio-server.mjs', import.meta.url));
const API_TOKEN = 'sk-hostile-secret-0123456789';

function named(tools: Tool[], name: string): Tool {
  const found = tools.find((tool) => tool.name === name);
  if (found === undefined) throw new Error(`no tool ${name}`);
  return found;
}

const opened: { close(): unknown }[] = [];
afterEach(async () => {
  for (const item of opened.splice(0).reverse()) await item.close();
});

async function connectHostile(scenario: string, timeoutMs = 5_000): Promise<McpConnection & { log(): unknown[] }> {
  const log = createLogFile();
  opened.push({ close: () => log.remove() });
  const mcp = await connectMcp({
    command: process.execPath,
    args: [HOSTILE_SERVER],
    env: { HOSTILE_SCENARIO: scenario, FIXTURE_LOG: log.path, API_TOKEN },
    protocol: 'legacy',
    name: 'hostile',
    timeoutMs,
  });
  opened.push(mcp);
  return Object.assign(mcp, { log: () => log.read() });
}

/** Calls `echo` to show that the connection still works after a misbehaving answer. */
async function echoStillWorks(mcp: McpConnection): Promise<void> {
  expect(blocks(await named(await mcp.tools(), 'echo').execute({ text: 'still here' }, context()))).toEqual([
    { type: 'text', text: 'echo: still here' },
  ]);
}

describe('a stdio server whose tools/list has the wrong shape', () => {
  it.each([
    ['`tools` is not an array', 'list-tools-not-array'],
    ['a tool has no inputSchema', 'list-no-schema'],
    ['a name is not a string', 'list-name-not-string'],
    ['an inputSchema is an array', 'list-schema-array'],
    ['an inputSchema is a string', 'list-schema-string'],
  ])('%s: tools() rejects with a request McpError and the connection stays open', async (_label, scenario) => {
    const mcp = await connectHostile(scenario);
    const listing = mcp.tools();
    await expect(listing).rejects.toSatisfy(McpError.isInstance);
    await expect(listing).rejects.toMatchObject({
      name: 'McpError.Request',
      kind: 'request',
      server: 'hostile',
      method: 'tools/list',
      message: 'Could not list the tools of MCP server "hostile": the request failed.',
      cause: { name: 'SdkError', code: 'INVALID_RESULT' },
    });
    expect(mcp.isOpen).toBe(true);
  });

  it('maps names such as __proto__, constructor and a 10,000-character one to tools that call the server by that name', async () => {
    const mcp = await connectHostile('list-odd-names');
    const tools = await mcp.tools();
    const long = 'x'.repeat(10_000);
    expect(tools.map((tool) => tool.name)).toEqual([
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      expect.stringMatching(/^x{55}_[0-9a-f]{8}$/),
    ]);
    for (const tool of tools) expect(Object.getPrototypeOf(tool)).toBe(Object.prototype);
    await tools[0]!.execute({ text: 'a' }, context());
    await tools[4]!.execute({ text: 'b' }, context());
    expect(mcp.log().filter((event) => (event as { method?: string }).method === 'tools/call')).toEqual([
      { method: 'tools/call', params: expect.objectContaining({ name: '__proto__', arguments: { text: 'a' } }) },
      { method: 'tools/call', params: expect.objectContaining({ name: long, arguments: { text: 'b' } }) },
    ]);
  });

  it('keeps a remote $ref unresolved (nothing is fetched, arguments go to the server) and validates a recursive $ref', async () => {
    const mcp = await connectHostile('list-hostile-schemas');
    const tools = await mcp.tools();
    expect(tools.map((tool) => tool.name)).toEqual(['remote-ref', 'recursive']);
    expect(named(tools, 'remote-ref').parameters.validate({ text: 1 })).toEqual({ success: true, value: { text: 1 } });
    expect(named(tools, 'recursive').parameters.validate({ text: 'a', child: { text: 2 } })).toEqual({
      success: false,
      issues: [{ path: '/child/text', message: 'must be string', keyword: 'type' }],
    });
  });

  it('does not compile a 6 MB schema (ajv would hold the event loop for seconds): the model gets it, the server validates', async () => {
    const mcp = await connectHostile('list-huge-schema', 30_000);
    const tools = await mcp.tools();
    const huge = named(tools, 'huge');
    expect(JSON.stringify(huge.parameters.jsonSchema).length).toBeGreaterThan(6_000_000);
    expect(huge.parameters.validate({ p1: 2 })).toEqual({ success: true, value: { p1: 2 } });
    expect(named(tools, 'echo').parameters.validate({ text: 2 })).toMatchObject({ success: false });
  }, 60_000);

  it('ends a listing whose nextCursor repeats or grows without end', async () => {
    const looping = await connectHostile('list-cursor-loop');
    expect((await looping.tools()).map((tool) => tool.name)).toEqual(['echo']);
    const growing = await connectHostile('list-cursor-grows');
    await expect(growing.tools()).rejects.toMatchObject({
      kind: 'request',
      message: 'Could not list the tools of MCP server "hostile": the request failed.',
      cause: { code: 'LIST_PAGINATION_EXCEEDED' },
    });
    expect(growing.log().filter((event) => (event as { method?: string }).method === 'tools/list')).toHaveLength(64);
  });

  it('bounds a listing the server never answers by timeoutMs', async () => {
    const mcp = await connectHostile('list-never', 300);
    await expect(mcp.tools()).rejects.toMatchObject({
      kind: 'request',
      message: 'Could not list the tools of MCP server "hostile": it did not answer within 300 ms.',
    });
  });
});

describe('a stdio server whose tools/call results have the wrong shape', () => {
  it.each([
    ['`content` is not an array', 'content-not-array'],
    ['a block of an unknown type', 'unknown-block'],
    ['an image whose data is not base64', 'bad-base64-image'],
    ['`isError` is not a boolean', 'is-error-string'],
    ['`structuredContent` is not an object', 'structured-not-object'],
  ])('%s: a tool error the model reads, and the connection goes on', async (_label, name) => {
    const mcp = await connectHostile('plain');
    const call = named(await mcp.tools(), name).execute({}, context());
    await expect(call).rejects.toBeInstanceOf(ToolError);
    await expect(call).rejects.toMatchObject({
      message: `Tool "${name}" of MCP server "hostile" failed (INVALID_RESULT).`,
      cause: { name: 'SdkError', code: 'INVALID_RESULT' },
    });
    await echoStillWorks(mcp);
  });

  it('never sends the model an "image" whose media type is not an image type (the provider would refuse the request)', async () => {
    const mcp = await connectHostile('plain');
    expect(blocks(await named(await mcp.tools(), 'image-not-image').execute({}, context()))).toEqual([
      { type: 'text', text: 'Image (text/html, 70 bytes), not shown: its media type is not an image type.' },
    ]);
  });

  it('a 20 MB line (over the read buffer) is a tool error, not a hang, and the connection is closed after it', async () => {
    const mcp = await connectHostile('plain');
    const tools = await mcp.tools();
    await expect(named(tools, 'huge-text').execute({}, context())).rejects.toMatchObject({
      name: 'ToolError',
      message: 'MCP server "hostile" closed the connection while tool "huge-text" was running.',
    });
    await expect(named(tools, 'echo').execute({ text: 'x' }, context())).rejects.toMatchObject({
      name: 'ToolError',
      message: 'Tool "echo" cannot be called: MCP server "hostile" closed the connection (the process exited).',
    });
  }, 60_000);
});

describe('a stdio server that misbehaves around its answers', () => {
  it('takes the first of two answers to one request, and ignores data that is not JSON-RPC after an answer', async () => {
    const mcp = await connectHostile('plain');
    const tools = await mcp.tools();
    expect(blocks(await named(tools, 'answer-twice').execute({}, context()))).toEqual([
      { type: 'text', text: 'first' },
    ]);
    expect(blocks(await named(tools, 'garbage-after').execute({}, context()))).toEqual([
      { type: 'text', text: 'the answer' },
    ]);
    await echoStillWorks(mcp);
  });

  it('an answer after the run was cancelled does not reach anyone; the call rejects with the reason at once', async () => {
    const mcp = await connectHostile('plain');
    const controller = new AbortController();
    const reason = new Error('the user left');
    const call = named(await mcp.tools(), 'late').execute({}, context(controller.signal));
    setTimeout(() => controller.abort(reason), 20);
    await expect(call).rejects.toBe(reason);
    // The server answers 300 ms after the call; by then the connection serves other calls.
    await new Promise((resolve) => setTimeout(resolve, 400));
    await echoStillWorks(mcp);
    expect(mcp.log()).toContainEqual({
      notification: 'notifications/cancelled',
      params: expect.objectContaining({ reason: 'Error: the user left' }),
    });
  });

  it('answers a call after a flood of 100,000 list_changed notifications, and lists the tools again at most a few times', async () => {
    const mcp = await connectHostile('plain', 120_000);
    const tools = await mcp.tools();
    expect(blocks(await named(tools, 'flood').execute({ count: 100_000 }, context()))).toEqual([
      { type: 'text', text: 'after the flood' },
    ]);
    const listings = () => mcp.log().filter((event) => (event as { method?: string }).method === 'tools/list').length;
    const before = listings();
    await mcp.tools();
    expect(listings() - before).toBe(1);
  }, 120_000);

  it('serves concurrent calls on one connection, each with its own answer', async () => {
    const mcp = await connectHostile('plain');
    const echo = named(await mcp.tools(), 'echo');
    const texts = Array.from({ length: 20 }, (_, index) => `call ${index}`);
    const outputs = await Promise.all(texts.map((text) => echo.execute({ text }, context())));
    expect(outputs.map(blocks)).toEqual(texts.map((text) => [{ type: 'text', text: `echo: ${text}` }]));
  });

  it('close() during a call ends the call with a tool error; calls after close are tool errors too', async () => {
    const mcp = await connectHostile('plain');
    const tools = await mcp.tools();
    const running = named(tools, 'never').execute({}, context());
    await expect.poll(() => mcp.log().some((event) => JSON.stringify(event).includes('"never"'))).toBe(true);
    await mcp.close();
    await expect(running).rejects.toMatchObject({
      name: 'ToolError',
      message: 'MCP server "hostile" closed the connection while tool "never" was running.',
    });
    await expect(named(tools, 'echo').execute({ text: 'x' }, context())).rejects.toMatchObject({
      name: 'ToolError',
      message: 'Tool "echo" cannot be called: the connection to MCP server "hostile" is closed.',
    });
  });
});

describe('secrets given to a stdio server', () => {
  it('never reach the model: env values are redacted from a result and from a JSON-RPC error', async () => {
    const mcp = await connectHostile('plain');
    const tools = await mcp.tools();
    const output = blocks(await named(tools, 'echo-env').execute({}, context())) as [{ text: string }];
    expect(output).toEqual([{ type: 'text', text: expect.stringContaining('"API_TOKEN":"[REDACTED]"') as string }]);
    expect(JSON.stringify(output)).not.toContain(API_TOKEN);
    const failure: unknown = await Promise.resolve(named(tools, 'error-env').execute({}, context())).catch(
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({
      name: 'ToolError',
      message:
        'MCP server "hostile" rejected the call of tool "error-env": failed with [REDACTED] (JSON-RPC error -32000).',
    });
    expect(JSON.stringify(failure, Object.getOwnPropertyNames(failure))).not.toContain(API_TOKEN);
    expect(String((failure as { cause: Error }).cause.stack)).not.toContain(API_TOKEN);
  });
});
