import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { toNodeHandler, type FetchLikeMcpHandler } from '@modelcontextprotocol/node';
import {
  createMcpHandler,
  WebStandardStreamableHTTPServerTransport,
  type McpHttpHandler,
} from '@modelcontextprotocol/server';
import { createFixtureServer, type FixtureServerState } from './fixture-mcp-server.js';

/** A Streamable HTTP MCP server on a loopback port, served by the SDK's Node adapter (`toNodeHandler`). */
export interface HttpFixtureServer {
  /** The MCP endpoint. */
  url: string;
  /** The method of every HTTP request received, in order. */
  httpMethods: string[];
  /** Drops every open socket and stops listening, as a server that dies does. */
  kill(): void;
  close(): Promise<void>;
}

async function listen(handler: FetchLikeMcpHandler, closeHandler: () => Promise<void>): Promise<HttpFixtureServer> {
  const nodeHandler = toNodeHandler(handler);
  const httpMethods: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    httpMethods.push(request.method ?? '');
    // The SDK types `method` as `method?: string`; Node's `string | undefined` matches it only without
    // exactOptionalPropertyTypes. A server's request always has a method.
    void nodeHandler(request as Parameters<typeof nodeHandler>[0], response);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const kill = () => {
    server.close();
    for (const socket of sockets) socket.destroy();
  };
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`,
    httpMethods,
    kill,
    async close() {
      kill();
      await closeHandler();
    },
  };
}

/**
 * The fixture server behind the SDK's `createMcpHandler`: 2026-07-28 requests each get a fresh server instance, 2025-era
 * requests are served statelessly (no session, no list-changed notifications).
 */
export async function startHttpFixtureServer(
  state: FixtureServerState,
): Promise<HttpFixtureServer & { handler: McpHttpHandler }> {
  const handler = createMcpHandler(({ era }) => createFixtureServer(state, era));
  return { ...(await listen(handler, () => handler.close())), handler };
}

/** The fixture server as one 2025-era session (`Mcp-Session-Id`), with its server instance to send notifications. */
export async function startSessionHttpFixtureServer(
  state: FixtureServerState,
): Promise<HttpFixtureServer & { server: ReturnType<typeof createFixtureServer> }> {
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: () => randomUUID() });
  const server = createFixtureServer(state, 'legacy');
  await server.connect(transport);
  return { ...(await listen({ fetch: (request) => transport.handleRequest(request) }, () => server.close())), server };
}
