import { tool, type Tool } from '@rig-ts/agent';
import { jsonSchema } from '@rig-ts/typed/ajv';
import { describe, expect, it } from 'vitest';
import { checkToolNames } from './check-tool-names.js';
import { McpError } from './mcp-error.js';
import { mcpToolOrigin, setMcpToolOrigin } from './mcp-tool-origin.js';

function localTool(name: string): Tool {
  return tool({ name, description: name, parameters: jsonSchema({ type: 'object' }), execute: () => name });
}

function serverTool(server: string, name: string, shownAs = name): Tool {
  return setMcpToolOrigin(localTool(shownAs), { server, name });
}

describe('checkToolNames', () => {
  it('returns the tools, in order, when every name is unique', () => {
    const tools = [localTool('weather'), serverTool('everything', 'echo'), serverTool('files', 'echo', 'files_echo')];
    expect(checkToolNames(tools)).toEqual(tools);
    expect(checkToolNames(new Set(tools))).toEqual(tools);
  });

  it('names every clash and where each tool comes from', () => {
    let thrown: unknown;
    try {
      checkToolNames([
        serverTool('everything', 'echo'),
        localTool('weather'),
        serverTool('other', 'echo'),
        localTool('weather'),
        serverTool('files', 'a.b', 'a_b'),
        serverTool('files', 'a_b'),
      ]);
    } catch (error) {
      thrown = error;
    }
    expect(McpError.isInstance(thrown)).toBe(true);
    expect(thrown).toMatchObject({
      name: 'McpError.NameClash',
      kind: 'name-clash',
      clashes: [
        { name: 'echo', sources: ['MCP server "everything" (tool "echo")', 'MCP server "other" (tool "echo")'] },
        { name: 'weather', sources: ['a local tool', 'a local tool'] },
        { name: 'a_b', sources: ['MCP server "files" (tool "a.b")', 'MCP server "files" (tool "a_b")'] },
      ],
      message:
        'Tool names clash: "echo" is used by MCP server "everything" (tool "echo") and MCP server "other" (tool "echo"); "weather" is used by a local tool and a local tool; "a_b" is used by MCP server "files" (tool "a.b") and MCP server "files" (tool "a_b"). Give a server a prefix (connectMcp({ …, prefix: \'server_\' })) or rename the local tool.',
    });
    expect((thrown as McpError).cause).toBeUndefined();
  });
});

describe('mcpToolOrigin', () => {
  it('reads the origin of an MCP tool, and nothing for other tools or copies', () => {
    const mcpTool = serverTool('everything', 'get-sum');
    expect(mcpToolOrigin(mcpTool)).toEqual({ server: 'everything', name: 'get-sum' });
    expect(Object.keys(mcpTool)).toEqual(['name', 'description', 'parameters', 'execute']);
    expect(mcpToolOrigin({ ...mcpTool })).toBeUndefined();
    expect(mcpToolOrigin(localTool('weather'))).toBeUndefined();
  });
});
