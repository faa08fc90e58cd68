import type { CallToolResult } from '@modelcontextprotocol/client';
import { ToolError } from '@rig-ts/agent';
import type { TypedSchema } from '@rig-ts/typed';
import { describe, expect, it, vi } from 'vitest';
import { createMcpTool, type McpToolCaller } from './create-mcp-tool.js';
import { mcpToolOrigin } from './mcp-tool-origin.js';
import { toolContext as context } from './test-utils/tool-context.js';

const TOOL_CONTENT = Symbol.for('rig-ts.agent.toolContent');
const parameters: TypedSchema<Record<string, unknown>> = {
  name: 'p',
  jsonSchema: { type: 'object' },
  validate: (value) => ({ success: true, value: value as Record<string, unknown> }),
};

function toolAnswering(result: CallToolResult, call = vi.fn<McpToolCaller>(async () => result)) {
  return {
    call,
    tool: createMcpTool(
      { name: 'read.file', title: 'Read a file', inputSchema: { type: 'object' } },
      { server: 'files', prefix: 'fs_', parameters, call, secrets: ['token-123456'] },
    ),
  };
}

describe('createMcpTool', () => {
  it('shows the model the mapped name, the title when there is no description, and the parameters', () => {
    const { tool } = toolAnswering({ content: [] });
    expect(tool.name).toBe('fs_read_file');
    expect(tool.description).toBe('Read a file');
    expect(tool.parameters).toBe(parameters);
    expect(mcpToolOrigin(tool)).toEqual({ server: 'files', name: 'read.file' });
  });

  it('calls the server by its own name with the arguments and the run signal', async () => {
    const { tool, call } = toolAnswering({ content: [{ type: 'text', text: 'contents' }] });
    const toolContext = context();
    const output = await tool.execute({ path: '/a' }, toolContext);
    expect(call).toHaveBeenCalledWith('read.file', { path: '/a' }, toolContext.signal);
    expect((output as Record<symbol, unknown>)[TOOL_CONTENT]).toEqual([{ type: 'text', text: 'contents' }]);
  });

  it('answers nothing for an empty result (the agent sends "(no output)")', async () => {
    expect(await toolAnswering({ content: [] }).tool.execute({}, context())).toBeUndefined();
  });

  it('throws the text of an error result, secrets redacted', async () => {
    const execution = toolAnswering({
      content: [{ type: 'text', text: 'denied for token-123456' }],
      isError: true,
    }).tool.execute({}, context());
    await expect(execution).rejects.toSatisfy(ToolError.isInstance);
    await expect(execution).rejects.toThrow(/^denied for \[REDACTED\]$/);
  });

  it('says that an error result gave no reason', async () => {
    await expect(toolAnswering({ content: [], isError: true }).tool.execute({}, context())).rejects.toThrow(
      /^Tool "read.file" of MCP server "files" failed without saying why\.$/,
    );
  });

  it.each([null, [1, 2], 'text', 3])(
    'refuses arguments that are not an object (%j) without calling the server',
    async (args) => {
      const { tool, call } = toolAnswering({ content: [] });
      const execution = tool.execute(args as never, context());
      await expect(execution).rejects.toSatisfy(ToolError.isInstance);
      await expect(execution).rejects.toThrow('The arguments of tool "fs_read_file" must be a JSON object.');
      expect(call).not.toHaveBeenCalled();
    },
  );
});
