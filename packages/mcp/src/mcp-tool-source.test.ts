import { AgentBuilder, toolFeedback } from '@rig-ts/agent';
import { PromptError, type CompletionRequest } from '@rig-ts/core';
import { jsonSchema } from '@rig-ts/typed/ajv';
import { MockCompletionModel } from '@rig-ts/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { connectMcp } from './connect-mcp.js';
import { McpError } from './mcp-error.js';
import { mcpToolSource } from './mcp-tool-source.js';
import { fixtureState, toolDefinition, type FixtureTool } from './test-utils/fixture-mcp-server.js';
import { startSessionHttpFixtureServer } from './test-utils/http-fixture-server.js';
import { expectLateToolRan } from './test-utils/expect-late-tool-ran.js';
import { errorResult, toolResults } from './test-utils/tool-results.js';
import { createLogFile, FIXTURE_STDIO_SERVER } from './test-utils/stdio-servers.js';

function offered(request: CompletionRequest): string[] {
  return request.tools.map((definition) => definition.name);
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('an agent whose tool source is an MCP server, while the server’s tool list changes during the run', () => {
  it('offers the tools a 2025-era HTTP session added on the next turn, and drops the ones it removed', async () => {
    const echo: FixtureTool = {
      definition: toolDefinition('echo', 'Echoes the text', ['text']),
      run: (args) => ({ content: [{ type: 'text', text: `echo: ${String(args.text)}` }] }),
    };
    const late: FixtureTool = {
      definition: toolDefinition('late', 'A tool added during the run', ['text']),
      run: (args) => ({ content: [{ type: 'text', text: `late: ${String(args.text)}` }] }),
    };
    const swap: FixtureTool = {
      definition: toolDefinition('swap', 'Replaces "echo" with "late"'),
      run: async (_args, context) => {
        state.tools = [swap, late];
        // Sent on this call's response stream, so the client has it before the result (no race with the next turn).
        await context.mcpReq.notify({ method: 'notifications/tools/list_changed' });
        return { content: [{ type: 'text', text: 'swapped' }] };
      },
    };
    const state = fixtureState([echo, swap]);
    const server = await startSessionHttpFixtureServer(state);
    cleanups.push(() => server.close());
    const mcp = await connectMcp({ url: server.url, headers: { 'x-tenant': 'acme' }, protocol: 'legacy' });
    cleanups.push(() => mcp.close());

    const model = new MockCompletionModel([
      { toolCalls: [{ id: 'call_swap', name: 'swap' }] },
      {
        toolCalls: [
          { id: 'call_echo', name: 'echo', arguments: { text: 'gone?' } },
          { id: 'call_late', name: 'late', arguments: { text: 'new' } },
        ],
      },
      'Swapped and used the new tool.',
    ]);
    const agent = new AgentBuilder(model).toolSource(mcp.toolSource()).build();

    expect(await agent.prompt('Swap the tools, then use them.')).toBe('Swapped and used the new tool.');

    expect(model.requests.map(offered)).toEqual([
      ['echo', 'swap'],
      ['swap', 'late'],
      ['swap', 'late'],
    ]);
    expect(model.requests[1]!.tools[1]).toEqual({
      name: 'late',
      description: 'A tool added during the run',
      parameters: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] },
    });
    expect(toolResults(model.requests[1]!)).toEqual([
      { type: 'tool-result', id: 'call_swap', name: 'swap', content: [{ type: 'text', text: 'swapped' }] },
    ]);
    expect(toolResults(model.requests[2]!)).toEqual([
      errorResult('call_echo', 'echo', toolFeedback.unknownTool('echo', ['swap', 'late'])),
      { type: 'tool-result', id: 'call_late', name: 'late', content: [{ type: 'text', text: 'late: new' }] },
    ]);
    // The list is read once at the start and once after the change; "echo", gone from the list, never reaches the server.
    const headers = { 'x-tenant': 'acme' };
    expect(state.received).toEqual([
      { era: 'legacy', method: 'tools/list', params: {}, headers },
      { era: 'legacy', method: 'tools/call', params: { name: 'swap', arguments: {} }, headers },
      { era: 'legacy', method: 'tools/list', params: {}, headers },
      { era: 'legacy', method: 'tools/call', params: { name: 'late', arguments: { text: 'new' } }, headers },
    ]);
  });

  it.each(['legacy', 'auto'] as const)(
    'offers a tool a stdio server registered during a call on the next turn (protocol %s)',
    async (protocol) => {
      const log = createLogFile();
      cleanups.push(() => log.remove());
      const mcp = await connectMcp({
        command: process.execPath,
        args: [FIXTURE_STDIO_SERVER],
        env: { FIXTURE_LOG: log.path },
        stderr: 'ignore',
        protocol,
      });
      cleanups.push(() => mcp.close());
      const model = new MockCompletionModel([
        { toolCalls: [{ id: 'call_add', name: 'add-tool' }] },
        { toolCalls: [{ id: 'call_late', name: 'late', arguments: { text: 'new' } }] },
        'Used it.',
      ]);
      const agent = new AgentBuilder(model).toolSource(mcp.toolSource()).build();

      expect(await agent.prompt('Add a tool, then use it.')).toBe('Used it.');

      expect(model.requests.map(offered)).toEqual([
        ['echo', 'crash', 'hang', 'add-tool'],
        ['echo', 'crash', 'hang', 'add-tool', 'late'],
        ['echo', 'crash', 'hang', 'add-tool', 'late'],
      ]);
      expectLateToolRan(model.requests[2]!, log.read(), protocol);
    },
  );
});

describe('an MCP tool source that fails during a run', () => {
  it('ends the run with a tool PromptError whose cause is the McpError: a closed connection, a name clash with a local tool', async () => {
    const state = fixtureState([
      {
        definition: toolDefinition('echo', 'Echoes the text', ['text']),
        run: (args) => ({ content: [{ type: 'text', text: String(args.text) }] }),
      },
    ]);
    const server = await startSessionHttpFixtureServer(state);
    cleanups.push(() => server.close());
    const mcp = await connectMcp({ url: server.url, protocol: 'legacy', name: 'remote' });
    cleanups.push(() => mcp.close());
    const localEcho = {
      name: 'echo',
      description: 'local',
      parameters: jsonSchema({ type: 'object' }),
      execute: () => 'local',
    };

    const model = new MockCompletionModel(['never']);
    const clash = await new AgentBuilder(model)
      .toolSource(mcpToolSource([mcp], [localEcho]))
      .build()
      .prompt('go')
      .catch((caught: unknown) => caught);
    expect(PromptError.isInstance(clash)).toBe(true);
    expect(clash).toMatchObject({
      kind: 'tool',
      toolName: 'toolSource',
      message:
        'the tool source failed on turn 1: Tool names clash: "echo" is used by a local tool and MCP server "remote" (tool "echo"). Give a server a prefix (connectMcp({ …, prefix: \'server_\' })) or rename the local tool.',
    });
    expect(McpError.isInstance((clash as PromptError).cause)).toBe(true);
    expect((clash as PromptError).cause).toMatchObject({ kind: 'name-clash' });

    await mcp.close();
    const closed = await new AgentBuilder(model)
      .toolSource(mcp.toolSource())
      .build()
      .prompt('go')
      .catch((caught: unknown) => caught);
    expect(closed).toMatchObject({
      kind: 'tool',
      toolName: 'toolSource',
      message: 'the tool source failed on turn 1: The connection to MCP server "remote" is closed.',
    });
    expect((closed as PromptError).cause).toMatchObject({ name: 'McpError.Closed', kind: 'closed', server: 'remote' });
    expect(model.calls).toHaveLength(0);
    expect(state.received.map((request) => request.method)).toEqual(['tools/list']);
  });
});
