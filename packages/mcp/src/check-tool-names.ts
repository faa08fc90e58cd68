import type { Tool } from '@rig-ts/agent';
import { McpError, type ToolNameClash } from './mcp-error.js';
import { describeToolSource } from './mcp-tool-origin.js';

/**
 * Checks that no two tools share a name (tools of several MCP servers and local tools together) and returns them as
 * an array. A clash throws an {@link McpError} of kind `name-clash` naming every clash and where each tool comes from,
 * before the agent is built: give a server a `prefix` in `connectMcp`, or rename the local tool.
 *
 * @example
 * const tools = checkToolNames([weather, ...(await github.tools()), ...(await files.tools())]);
 * const agent = new AgentBuilder(model).tools(tools).build();
 */
export function checkToolNames<T extends Tool>(tools: Iterable<T>): T[] {
  const list = [...tools];
  const byName = new Map<string, T[]>();
  for (const tool of list) {
    const named = byName.get(tool.name);
    if (named === undefined) byName.set(tool.name, [tool]);
    else named.push(tool);
  }
  const clashes: ToolNameClash[] = [];
  for (const [name, named] of byName)
    if (named.length > 1) clashes.push({ name, sources: named.map(describeToolSource) });
  if (clashes.length > 0) {
    const details = clashes.map((clash) => `"${clash.name}" is used by ${clash.sources.join(' and ')}`).join('; ');
    throw new McpError({
      kind: 'name-clash',
      clashes,
      message: `Tool names clash: ${details}. Give a server a prefix (connectMcp({ …, prefix: 'server_' })) or rename the local tool.`,
    });
  }
  return list;
}
