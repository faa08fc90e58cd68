import { AgentBuilder } from '@rig-ts/agent';
import { isCancelled } from '@rig-ts/core';
import { MockCompletionModel } from '@rig-ts/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { checkToolNames } from './check-tool-names.js';
import { connectMcp } from './connect-mcp.js';
import type { McpConnection } from './mcp-connection.js';
import { mcpToolSource } from './mcp-tool-source.js';
import { recordedResult } from './test-utils/server-everything-recording.js';
import { expectLateToolRan } from './test-utils/expect-late-tool-ran.js';
import { errorResult, toolResults } from './test-utils/tool-results.js';
import { createLogFile, FIXTURE_STDIO_SERVER, SERVER_EVERYTHING, STDIN_RECORDER } from './test-utils/stdio-servers.js';
import { jsonSchema } from '@rig-ts/typed/ajv';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function connectEverything(logPath: string): Promise<McpConnection> {
  const mcp = await connectMcp({
    command: process.execPath,
    args: [STDIN_RECORDER, logPath, SERVER_EVERYTHING, 'stdio'],
    stderr: 'ignore',
    protocol: 'legacy',
  });
  cleanups.push(() => mcp.close());
  return mcp;
}

async function connectFixture(
  logPath: string,
  options: { protocol?: 'auto' | 'legacy'; timeoutMs?: number } = {},
): Promise<McpConnection> {
  const mcp = await connectMcp({
    command: process.execPath,
    args: [FIXTURE_STDIO_SERVER],
    env: { FIXTURE_LOG: logPath },
    stderr: 'ignore',
    ...options,
  });
  cleanups.push(() => mcp.close());
  return mcp;
}

function logFile() {
  const log = createLogFile();
  cleanups.push(() => log.remove());
  return log;
}

describe('an agent calling the tools of server-everything over stdio', () => {
  it('runs echo, get-sum and get-tiny-image on the server and gives the model their results', async () => {
    const log = logFile();
    const mcp = await connectEverything(log.path);
    const model = new MockCompletionModel([
      {
        toolCalls: [
          { id: 'call_echo', name: 'echo', arguments: { message: 'hello from the agent' } },
          { id: 'call_sum', name: 'get-sum', arguments: { a: 19, b: 23 } },
        ],
      },
      { toolCalls: [{ id: 'call_image', name: 'get-tiny-image', arguments: {} }] },
      'The sum is 42, and the logo came through.',
    ]);
    const agent = new AgentBuilder(model)
      .preamble('Use the tools.')
      .tools(await mcp.tools())
      .build();

    expect(await agent.prompt('Echo a greeting, add 19 and 23, then show the logo.')).toBe(
      'The sum is 42, and the logo came through.',
    );

    // server-everything announces list_changed right after the handshake, so the list may have been read twice.
    const received = log.read().filter((message) => message.method === 'tools/list' || message.method === 'tools/call');
    expect(received[0]).toMatchObject({ method: 'tools/list' });
    expect(
      received.filter((message) => message.method === 'tools/call').map((message) => [message.method, message.params]),
    ).toEqual([
      ['tools/call', { name: 'echo', arguments: { message: 'hello from the agent' } }],
      ['tools/call', { name: 'get-sum', arguments: { a: 19, b: 23 } }],
      ['tools/call', { name: 'get-tiny-image', arguments: {} }],
    ]);

    const offered = model.requests[0]!.tools.map((definition) => definition.name);
    expect(offered).toContain('echo');
    expect(model.requests[0]!.tools.find((definition) => definition.name === 'get-sum')).toEqual({
      name: 'get-sum',
      description: 'Returns the sum of two numbers',
      parameters: {
        type: 'object',
        properties: {
          a: { type: 'number', description: 'First number' },
          b: { type: 'number', description: 'Second number' },
        },
        required: ['a', 'b'],
      },
    });
    expect(toolResults(model.requests[1]!)).toEqual([
      {
        type: 'tool-result',
        id: 'call_echo',
        name: 'echo',
        content: [{ type: 'text', text: 'Echo: hello from the agent' }],
      },
      {
        type: 'tool-result',
        id: 'call_sum',
        name: 'get-sum',
        content: [{ type: 'text', text: 'The sum of 19 and 23 is 42.' }],
      },
    ]);
    const png = (recordedResult('get-tiny-image').content[1] as { data: string }).data;
    expect(toolResults(model.requests[2]!)).toEqual([
      {
        type: 'tool-result',
        id: 'call_image',
        name: 'get-tiny-image',
        content: [
          { type: 'text', text: "Here's the image you requested:" },
          { type: 'image', source: { type: 'base64', data: png }, mediaType: 'image/png' },
          { type: 'text', text: 'The image above is the MCP logo.' },
        ],
      },
    ]);
  });

  it('sends invalid arguments back to the model without calling the server, and an error the server reports as a tool error', async () => {
    const log = logFile();
    const mcp = await connectEverything(log.path);
    const model = new MockCompletionModel([
      { toolCalls: [{ id: 'call_bad', name: 'get-sum', arguments: { a: 'two', b: 3 } }] },
      {
        toolCalls: [
          {
            id: 'call_gzip',
            name: 'gzip-file-as-resource',
            arguments: { name: 'a.gz', data: 'ftp://127.0.0.1/a.txt', outputType: 'resource' },
          },
        ],
      },
      'Done.',
    ]);
    const agent = new AgentBuilder(model).tools(await mcp.tools()).build();
    expect(await agent.prompt('Add.')).toBe('Done.');
    expect(toolResults(model.requests[1]!)).toEqual([
      errorResult(
        'call_bad',
        'get-sum',
        'Invalid arguments for tool "get-sum": /a: must be number. Call it again with arguments that match its schema.',
      ),
    ]);
    const [result] = toolResults(model.requests[2]!);
    expect(result).toEqual(
      errorResult(
        'call_gzip',
        'gzip-file-as-resource',
        'Error processing file ftp://127.0.0.1/a.txt: Unsupported URL protocol for ftp://127.0.0.1/a.txt. Only http, https, and data URLs are supported.',
      ),
    );
    expect(
      log
        .read()
        .filter((message) => message.method === 'tools/call')
        .map((message) => message.params),
    ).toEqual([
      {
        name: 'gzip-file-as-resource',
        arguments: { name: 'a.gz', data: 'ftp://127.0.0.1/a.txt', outputType: 'resource' },
      },
    ]);
  });

  it('refuses a name clash with a local tool when the tool list is combined', async () => {
    const mcp = await connectEverything(logFile().path);
    const localEcho = {
      name: 'echo',
      description: 'local',
      parameters: jsonSchema({ type: 'object' }),
      execute: () => 'local',
    };
    await expect(mcpToolSource([mcp], [localEcho])()).rejects.toMatchObject({
      kind: 'name-clash',
      clashes: [{ name: 'echo', sources: ['a local tool', 'MCP server "mcp-servers/everything" (tool "echo")'] }],
    });
    const tools = await mcpToolSource([mcp], [{ ...localEcho, name: 'local_echo' }])();
    expect(tools.map((tool) => tool.name).slice(0, 3)).toEqual(['local_echo', 'echo', 'get-annotated-message']);
    expect(() => checkToolNames([...tools, localEcho])).toThrow(
      'Tool names clash: "echo" is used by MCP server "mcp-servers/everything" (tool "echo") and a local tool.',
    );
  });
});

describe('an agent and a stdio server that fails', () => {
  it('gets a tool error, not a hang, when the server crashes during a call, and the run goes on', async () => {
    const log = logFile();
    const mcp = await connectFixture(log.path, { protocol: 'legacy' });
    const model = new MockCompletionModel([
      { toolCalls: [{ id: 'call_crash', name: 'crash' }] },
      { toolCalls: [{ id: 'call_echo', name: 'echo', arguments: { text: 'still there?' } }] },
      'The server is gone.',
    ]);
    const agent = new AgentBuilder(model).tools(await mcp.tools()).build();
    expect(await agent.prompt('Crash it.')).toBe('The server is gone.');
    expect(toolResults(model.requests[1]!)).toEqual([
      errorResult(
        'call_crash',
        'crash',
        'MCP server "fixture-stdio" closed the connection while tool "crash" was running.',
      ),
    ]);
    expect(toolResults(model.requests[2]!)).toEqual([
      errorResult(
        'call_echo',
        'echo',
        'Tool "echo" cannot be called: MCP server "fixture-stdio" closed the connection (the process exited).',
      ),
    ]);
    expect(mcp.isOpen).toBe(false);
    await expect(mcp.tools()).rejects.toMatchObject({
      kind: 'closed',
      message: 'MCP server "fixture-stdio" closed the connection (the process exited).',
    });
    expect(log.read()).toEqual([{ era: 'legacy', tool: 'crash', arguments: {} }]);
  });

  it('bounds a hanging tool by timeoutMs: the model gets a tool error and the server sees the request cancelled', async () => {
    const log = logFile();
    const mcp = await connectFixture(log.path, { protocol: 'legacy', timeoutMs: 2_000 });
    const model = new MockCompletionModel([{ toolCalls: [{ id: 'call_hang', name: 'hang' }] }, 'It timed out.']);
    const agent = new AgentBuilder(model).tools(await mcp.tools()).build();
    expect(await agent.prompt('Hang.')).toBe('It timed out.');
    expect(toolResults(model.requests[1]!)).toEqual([
      errorResult('call_hang', 'hang', 'Tool "hang" of MCP server "fixture-stdio" did not answer within 2000 ms.'),
    ]);
    await expect
      .poll(() => log.read())
      .toEqual([
        { era: 'legacy', tool: 'hang', arguments: {} },
        { era: 'legacy', tool: 'hang', cancelled: true },
      ]);
  });

  it('cancels the call on the server when the run is cancelled', async () => {
    const log = logFile();
    const mcp = await connectFixture(log.path, { protocol: 'auto' });
    expect(mcp.protocolVersion).toBe('2026-07-28');
    const model = new MockCompletionModel([{ toolCalls: [{ id: 'call_hang', name: 'hang' }] }, 'never']);
    const agent = new AgentBuilder(model).tools(await mcp.tools()).build();
    const controller = new AbortController();
    const run = agent.prompt('Hang.', { signal: controller.signal });
    await expect.poll(() => log.read().length).toBe(1);
    const reason = new Error('stop');
    controller.abort(reason);
    const error = await run.catch((caught: unknown) => caught);
    expect(error).toBe(reason);
    expect(isCancelled(error, controller.signal)).toBe(true);
    await expect
      .poll(() => log.read())
      .toEqual([
        { era: 'modern', tool: 'hang', arguments: {} },
        { era: 'modern', tool: 'hang', cancelled: true },
      ]);
    expect(model.requests).toHaveLength(1);
  });
});

describe('a stdio server whose tool list changes between turns', () => {
  it.each(['legacy', 'auto'] as const)(
    'is picked up by the tool source before the next turn (protocol %s)',
    async (protocol) => {
      const log = logFile();
      const mcp = await connectFixture(log.path, { protocol });
      const source = mcp.toolSource();
      const model = new MockCompletionModel([
        { toolCalls: [{ id: 'call_add', name: 'add-tool' }] },
        'Added.',
        { toolCalls: [{ id: 'call_late', name: 'late', arguments: { text: 'new' } }] },
        'Used it.',
      ]);

      const firstTools = await source();
      expect(firstTools.map((tool) => tool.name)).toEqual(['echo', 'crash', 'hang', 'add-tool']);
      expect(await new AgentBuilder(model).tools(firstTools).build().prompt('Add a tool.')).toBe('Added.');

      await expect
        .poll(async () => (await source()).map((tool) => tool.name))
        .toEqual(['echo', 'crash', 'hang', 'add-tool', 'late']);
      expect(
        await new AgentBuilder(model)
          .tools(await source())
          .build()
          .prompt('Use it.'),
      ).toBe('Used it.');
      expect(model.requests[2]!.tools.map((definition) => definition.name)).toContain('late');
      expectLateToolRan(model.requests[3]!, log.read(), protocol);
    },
  );
});
