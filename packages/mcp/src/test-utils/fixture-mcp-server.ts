import {
  ProtocolError,
  ProtocolErrorCode,
  Server,
  type CallToolResult,
  type ServerContext,
  type Tool,
} from '@modelcontextprotocol/server';

/** A tool of the fixture server: its definition and what a call does. */
export interface FixtureTool {
  definition: Tool;
  run(args: Record<string, unknown>, context: ServerContext): CallToolResult | Promise<CallToolResult>;
}

/** One request the fixture server handled. */
export interface FixtureRequest {
  era: string;
  method: string;
  params: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** What the fixture server serves and what it received; tests change `tools` while it runs. */
export interface FixtureServerState {
  tools: FixtureTool[];
  /** Tools per `tools/list` page (the cursor is the index of the first tool, as a string). @default every tool on one page */
  pageSize?: number;
  received: FixtureRequest[];
  /** The calls whose request was cancelled (their `mcpReq.signal` aborted). */
  cancelled: string[];
}

/** A tool definition with a JSON Schema of string properties, all required. */
export function toolDefinition(name: string, description: string, properties: string[] = []): Tool {
  return {
    name,
    description,
    inputSchema: {
      type: 'object',
      properties: Object.fromEntries(properties.map((property) => [property, { type: 'string' }])),
      required: properties,
    },
  };
}

/**
 * An MCP server made with the SDK's low-level `Server` class: it lists `state.tools` (in pages when `pageSize` is
 * set), runs their calls, and records every request with the `authorization` and `x-` headers it came with over HTTP.
 */
export function createFixtureServer(state: FixtureServerState, era: string): Server {
  const record = (method: string, params: Record<string, unknown>, context: ServerContext) => {
    const request = context.http?.req;
    const headers =
      request === undefined
        ? undefined
        : Object.fromEntries(
            [...request.headers].filter(([name]) => name === 'authorization' || name.startsWith('x-')),
          );
    state.received.push({ era, method, params, ...(headers === undefined ? {} : { headers }) });
  };
  const server = new Server(
    { name: 'fixture-mcp', version: '1.0.0' },
    { capabilities: { tools: { listChanged: true } } },
  );
  server.setRequestHandler('tools/list', (listRequest, context) => {
    const params = { ...(listRequest.params ?? {}) };
    delete params._meta;
    record('tools/list', params, context);
    const start = listRequest.params?.cursor === undefined ? 0 : Number(listRequest.params.cursor);
    const end = state.pageSize === undefined ? state.tools.length : start + state.pageSize;
    const page = state.tools.slice(start, end).map((tool) => tool.definition);
    return end < state.tools.length ? { tools: page, nextCursor: String(end) } : { tools: page };
  });
  server.setRequestHandler('tools/call', async (callRequest, context) => {
    const { name, arguments: args = {} } = callRequest.params;
    record('tools/call', { name, arguments: args }, context);
    context.mcpReq.signal.addEventListener('abort', () => state.cancelled.push(name), { once: true });
    const tool = state.tools.find((candidate) => candidate.definition.name === name);
    if (tool === undefined) throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Unknown tool: ${name}`);
    return tool.run(args, context);
  });
  return server;
}

/** A fresh state with `tools`. */
export function fixtureState(tools: FixtureTool[], pageSize?: number): FixtureServerState {
  return { tools, received: [], cancelled: [], ...(pageSize === undefined ? {} : { pageSize }) };
}
