import { getDefaultEnvironment } from '@modelcontextprotocol/client/stdio';
import { ToolError, type Tool } from '@rig-ts/agent';
import type { TypedSchema } from '@rig-ts/typed';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectMcp } from './connect-mcp.js';
import type { McpConnection } from './mcp-connection.js';
import { McpError } from './mcp-error.js';
import { mcpToolOrigin } from './mcp-tool-origin.js';
import { recordedResult, serverEverythingRecording } from './test-utils/server-everything-recording.js';
import { createLogFile, SERVER_EVERYTHING } from './test-utils/stdio-servers.js';
import { toolBlocks as blocks, toolContext as context } from './test-utils/tool-context.js';

function named(tools: Tool[], name: string): Tool {
  const found = tools.find((tool) => tool.name === name);
  if (found === undefined) throw new Error(`no tool ${name} in ${tools.map((tool) => tool.name).join(', ')}`);
  return found;
}

describe('connectMcp over stdio against server-everything 2026.8.31', () => {
  let mcp: McpConnection;
  let tools: Tool[];

  beforeAll(async () => {
    mcp = await connectMcp({
      command: process.execPath,
      args: [SERVER_EVERYTHING, 'stdio'],
      stderr: 'ignore',
      protocol: 'legacy',
    });
    tools = await mcp.tools();
  });
  afterAll(async () => {
    await mcp?.close();
  });

  it('reports the server', () => {
    expect(mcp.name).toBe('mcp-servers/everything');
    expect(mcp.serverInfo).toEqual({
      name: 'mcp-servers/everything',
      title: 'Everything Reference Server',
      version: '2.0.0',
    });
    expect(mcp.protocolVersion).toBe('2025-11-25');
    expect(mcp.isOpen).toBe(true);
  });

  it('maps every tool but the task-only one to an agent tool with its name, description and schema', () => {
    const expectedNames = serverEverythingRecording.tools
      .filter((tool) => tool.execution?.taskSupport !== 'required')
      .map((tool) => tool.name);
    expect(tools.map((tool) => tool.name)).toEqual(expectedNames);
    expect(expectedNames).toContain('echo');
    expect(tools.map((tool) => tool.name)).not.toContain('simulate-research-query');
    const getSum = named(tools, 'get-sum');
    expect(getSum.description).toBe('Returns the sum of two numbers');
    expect(getSum.parameters.jsonSchema).toEqual({
      type: 'object',
      properties: {
        a: { type: 'number', description: 'First number' },
        b: { type: 'number', description: 'Second number' },
      },
      required: ['a', 'b'],
    });
    expect(mcpToolOrigin(getSum)).toEqual({ server: 'mcp-servers/everything', name: 'get-sum' });
  });

  it('validates arguments against the server schema before calling', () => {
    const getSum = named(tools, 'get-sum').parameters as TypedSchema<unknown>;
    expect(getSum.validate({ a: 2, b: 3 })).toEqual({ success: true, value: { a: 2, b: 3 } });
    expect(getSum.validate({ a: '2', b: 3 })).toMatchObject({
      success: false,
      issues: [{ path: '/a', message: 'must be number' }],
    });
  });

  it('calls echo and get-sum', async () => {
    expect(blocks(await named(tools, 'echo').execute({ message: 'hello from rig-ts' }, context()))).toEqual([
      { type: 'text', text: 'Echo: hello from rig-ts' },
    ]);
    expect(blocks(await named(tools, 'get-sum').execute({ a: 2, b: 3 }, context()))).toEqual([
      { type: 'text', text: 'The sum of 2 and 3 is 5.' },
    ]);
  });

  it('gives the tiny image as a base64 PNG between its texts', async () => {
    const recorded = recordedResult('get-tiny-image').content[1] as { data: string };
    expect(blocks(await named(tools, 'get-tiny-image').execute({}, context()))).toEqual([
      { type: 'text', text: "Here's the image you requested:" },
      { type: 'image', source: { type: 'base64', data: recorded.data }, mediaType: 'image/png' },
      { type: 'text', text: 'The image above is the MCP logo.' },
    ]);
  });

  it('gives an embedded resource as text', async () => {
    const output = blocks(
      await named(tools, 'get-resource-reference').execute({ resourceType: 'Text', resourceId: 3 }, context()),
    );
    expect(output).toEqual([
      { type: 'text', text: 'Returning resource reference for Resource 3:' },
      {
        type: 'text',
        text: expect.stringMatching(
          /^Resource demo:\/\/resource\/dynamic\/text\/3 \(text\/plain\):\nResource 3: This is a plaintext resource created at /,
        ),
      },
      { type: 'text', text: 'You can access this resource using the URI: demo://resource/dynamic/text/3' },
    ]);
  });

  it('throws a ToolError with the text of an isError result (arguments the server rejects)', async () => {
    const call = named(tools, 'get-resource-reference').execute({ resourceType: 'text', resourceId: 1 }, context());
    await expect(call).rejects.toSatisfy(ToolError.isInstance);
    await expect(call).rejects.toThrow(
      /^MCP error -32602: Input validation error: Invalid arguments for tool get-resource-reference/,
    );
  });

  it('does not list again while the server says nothing changed, and lists again on refresh', async () => {
    expect(await mcp.tools()).toEqual(tools);
    const again = await mcp.tools({ refresh: true });
    expect(again.map((tool) => tool.name)).toEqual(tools.map((tool) => tool.name));
    expect(again[0]).toBe(tools[0]);
  });
});

describe('protocol negotiation with server-everything (a 2025-era server)', () => {
  it('falls back to 2025-11-25 with protocol auto (the default)', async () => {
    const mcp = await connectMcp({ command: process.execPath, args: [SERVER_EVERYTHING, 'stdio'], stderr: 'ignore' });
    try {
      expect(mcp.protocolVersion).toBe('2025-11-25');
      expect((await mcp.tools()).map((tool) => tool.name)).toContain('echo');
    } finally {
      await mcp.close();
    }
  });

  it('refuses it with protocol modern', async () => {
    const connecting = connectMcp({
      command: process.execPath,
      args: [SERVER_EVERYTHING, 'stdio'],
      stderr: 'ignore',
      protocol: 'modern',
      name: 'everything',
    });
    await expect(connecting).rejects.toMatchObject({
      kind: 'connect',
      message:
        'Could not connect to MCP server "everything": ERA_NEGOTIATION_FAILED: Version negotiation failed: the server did not offer pinned protocol version 2026-07-28 via server/discover (no fallback in pin mode).',
    });
  });
});

describe('the environment of a stdio server', () => {
  async function serverEnvironment(env?: Record<string, string>): Promise<Record<string, string>> {
    const mcp = await connectMcp({
      command: process.execPath,
      args: [SERVER_EVERYTHING, 'stdio'],
      stderr: 'ignore',
      protocol: 'legacy',
      ...(env === undefined ? {} : { env }),
    });
    try {
      const output = blocks(await named(await mcp.tools(), 'get-env').execute({}, context())) as [{ text: string }];
      return JSON.parse(output[0].text) as Record<string, string>;
    } finally {
      await mcp.close();
    }
  }

  it('is exactly the env passed: none of this process variables, not even the SDK defaults', async () => {
    process.env.RIG_MCP_SECRET_FOR_TEST = 'must-not-leak';
    try {
      expect(await serverEnvironment({ ONLY_THIS: 'yes' })).toEqual({ ONLY_THIS: 'yes' });
    } finally {
      delete process.env.RIG_MCP_SECRET_FOR_TEST;
    }
  });

  it('is the SDK default set (HOME, LOGNAME, PATH, SHELL, TERM, USER) when no env is passed', async () => {
    process.env.RIG_MCP_SECRET_FOR_TEST = 'must-not-leak';
    try {
      const environment = await serverEnvironment();
      expect(environment).toEqual(getDefaultEnvironment());
      expect(
        Object.keys(environment).every((key) => ['HOME', 'LOGNAME', 'PATH', 'SHELL', 'TERM', 'USER'].includes(key)),
      ).toBe(true);
    } finally {
      delete process.env.RIG_MCP_SECRET_FOR_TEST;
    }
  });
});

describe('connectMcp failures', () => {
  it('rejects a command that does not exist with a connect McpError', async () => {
    const connecting = connectMcp({
      command: 'rig-ts-no-such-mcp-server',
      protocol: 'legacy',
      env: { PATH: '/nonexistent' },
    });
    await expect(connecting).rejects.toSatisfy(McpError.isInstance);
    await expect(connecting).rejects.toMatchObject({
      name: 'McpError.Connect',
      kind: 'connect',
      server: 'rig-ts-no-such-mcp-server',
      message:
        'Could not connect to MCP server "rig-ts-no-such-mcp-server": the process could not be started (ENOENT).',
      cause: { code: 'ENOENT' },
    });
  });

  it('rejects a process that exits before the handshake', async () => {
    const connecting = connectMcp({
      command: process.execPath,
      args: ['-e', 'process.exit(2)'],
      protocol: 'legacy',
      name: 'quitter',
    });
    await expect(connecting).rejects.toMatchObject({
      kind: 'connect',
      server: 'quitter',
      message: 'Could not connect to MCP server "quitter": CONNECTION_CLOSED: Connection closed.',
    });
  });

  /** A server that never answers; it writes its pid to the file named by its first argument. */
  const SILENT_SERVER =
    "require('node:fs').writeFileSync(process.argv[1], String(process.pid)); setTimeout(() => {}, 60000)";

  function isRunning(pidFile: string): boolean {
    try {
      process.kill(Number(readFileSync(pidFile, 'utf8')), 0);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
      throw error;
    }
  }

  it('takes the signal reason when connecting is cancelled, and leaves no process behind', async () => {
    const log = createLogFile();
    try {
      const controller = new AbortController();
      const reason = new Error('stop connecting');
      const connecting = connectMcp({
        command: process.execPath,
        args: ['-e', SILENT_SERVER, log.path],
        protocol: 'legacy',
        signal: controller.signal,
      });
      await vi.waitFor(() => expect(existsSync(log.path)).toBe(true));
      controller.abort(reason);
      await expect(connecting).rejects.toBe(reason);
      expect(isRunning(log.path)).toBe(false);
    } finally {
      log.remove();
    }
  });

  it('bounds a server that never answers the handshake by connectTimeoutMs, and leaves no process behind', async () => {
    const log = createLogFile();
    try {
      const connecting = connectMcp({
        command: process.execPath,
        args: ['-e', SILENT_SERVER, log.path],
        protocol: 'legacy',
        connectTimeoutMs: 300,
        name: 'silent',
      });
      await expect(connecting).rejects.toMatchObject({
        kind: 'connect',
        message: 'Could not connect to MCP server "silent": it did not answer within 300 ms.',
      });
      expect(isRunning(log.path)).toBe(false);
    } finally {
      log.remove();
    }
  });

  it.each([
    [{ command: 'x', timeoutMs: 0 }, RangeError, 'timeoutMs must be a whole number of ms from 1 to 2147483647 (got 0)'],
    [
      { command: 'x', timeoutMs: Number.NaN },
      RangeError,
      'timeoutMs must be a whole number of ms from 1 to 2147483647 (got NaN)',
    ],
    [
      { command: 'x', timeoutMs: -5 },
      RangeError,
      'timeoutMs must be a whole number of ms from 1 to 2147483647 (got -5)',
    ],
    [
      { command: 'x', timeoutMs: 2 ** 31 },
      RangeError,
      'timeoutMs must be a whole number of ms from 1 to 2147483647 (got 2147483648)',
    ],
    [
      { command: 'x', connectTimeoutMs: 1.5 },
      RangeError,
      'connectTimeoutMs must be a whole number of ms from 1 to 2147483647 (got 1.5)',
    ],
    [{ command: 'x', protocol: 'newest' }, RangeError, "protocol must be 'auto', 'legacy' or 'modern' (got newest)"],
    [{}, TypeError, 'connectMcp needs either `command` (a stdio server) or `url` (a Streamable HTTP server)'],
    [
      { command: 'x', url: 'http://127.0.0.1/mcp' },
      TypeError,
      'connectMcp needs either `command` (a stdio server) or `url` (a Streamable HTTP server)',
    ],
    [{ url: 'not a url' }, TypeError, 'connectMcp: `url` is not a valid URL'],
    [{ url: 'file:///etc/passwd' }, TypeError, 'connectMcp: `url` must be an http or https URL (got file:)'],
    [
      { url: 'https://user:secret@127.0.0.1/mcp' },
      TypeError,
      'connectMcp: `url` must not hold credentials; send them in `headers` (e.g. authorization)',
    ],
  ])('rejects invalid options %j', async (options, errorClass, message) => {
    const connecting = connectMcp(options as never);
    await expect(connecting).rejects.toThrow(errorClass);
    await expect(connecting).rejects.toThrow(message);
  });
});

describe('a closed connection', () => {
  it('lists no tools, and its tools answer with a tool error', async () => {
    const mcp = await connectMcp({
      command: process.execPath,
      args: [SERVER_EVERYTHING, 'stdio'],
      stderr: 'ignore',
      protocol: 'legacy',
    });
    const echo = named(await mcp.tools(), 'echo');
    await mcp.close();
    await mcp.close();
    expect(mcp.isOpen).toBe(false);
    await expect(mcp.tools()).rejects.toMatchObject({
      name: 'McpError.Closed',
      kind: 'closed',
      server: 'mcp-servers/everything',
      message: 'The connection to MCP server "mcp-servers/everything" is closed.',
    });
    const call = echo.execute({ message: 'hi' }, context());
    await expect(call).rejects.toSatisfy(ToolError.isInstance);
    await expect(call).rejects.toThrow(
      'Tool "echo" cannot be called: the connection to MCP server "mcp-servers/everything" is closed.',
    );
  });
});
