import type { Tool } from '@rig-ts/agent';
import { checkToolNames } from './check-tool-names.js';
import type { McpConnection } from './mcp-connection.js';

/**
 * Gives the tools for the next model call: call it before each turn (an agent's per-turn tool source). It takes any
 * context object and reads only its `signal`.
 */
export type McpToolSource = (context?: { readonly signal?: AbortSignal }) => Promise<Tool[]>;

/**
 * A tool source over several MCP servers and local tools: each call gives the local tools and every server's current
 * tools (a server's list is read again only after it said that the list changed), with the names checked together by
 * `checkToolNames` (a clash throws an `McpError` of kind `name-clash`).
 *
 * @example
 * const source = mcpToolSource([github, files], [weather]);
 * const tools = await source(); // before each turn
 */
export function mcpToolSource(connections: readonly McpConnection[], localTools: readonly Tool[] = []): McpToolSource {
  return async (context) => {
    const signal = context?.signal;
    const listed = await Promise.all(
      connections.map((connection) => connection.tools(signal === undefined ? {} : { signal })),
    );
    return checkToolNames([...localTools, ...listed.flat()]);
  };
}
