import type { Tool } from '@rig-ts/agent';

const MCP_TOOL_ORIGIN = Symbol.for('rig-ts.mcp.toolOrigin');

/** Where a tool made by `connectMcp` comes from. */
export interface McpToolOrigin {
  /** The server's name: the `name` given to `connectMcp`, else the name the server reports, else its command or URL. */
  readonly server: string;
  /** The tool's own name on the server (the model sees it prefixed and cleaned, see `mapMcpToolName`). */
  readonly name: string;
}

/** The origin of a tool made by `connectMcp`; `undefined` for any other tool. */
export function mcpToolOrigin(tool: Tool): McpToolOrigin | undefined {
  return (tool as { [MCP_TOOL_ORIGIN]?: McpToolOrigin })[MCP_TOOL_ORIGIN];
}

/** Marks `tool` as coming from an MCP server (a non-enumerable property, so copies of the tool object drop it). */
export function setMcpToolOrigin<T extends Tool>(tool: T, origin: McpToolOrigin): T {
  Object.defineProperty(tool, MCP_TOOL_ORIGIN, { value: Object.freeze({ ...origin }), enumerable: false });
  return tool;
}

/** How a tool is named in a clash report: `MCP server "github" (tool "search")`, or `a local tool`. */
export function describeToolSource(tool: Tool): string {
  const origin = mcpToolOrigin(tool);
  return origin === undefined ? 'a local tool' : `MCP server "${origin.server}" (tool "${origin.name}")`;
}
