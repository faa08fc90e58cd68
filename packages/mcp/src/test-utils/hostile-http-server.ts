import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One HTTP request the hostile server received. */
export interface HostileHttpRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  /** The JSON-RPC method of a POST, if any. */
  rpcMethod: string | undefined;
}

/** How the server answers one JSON-RPC request (it writes to `response`); `'default'` leaves it to the default answer. */
export type HostileAnswer = (
  message: { id: number | string; method: string; params?: Record<string, unknown> },
  response: ServerResponse,
) => void | 'default';

/** A Streamable HTTP MCP server written by hand (2025 handshake, no session), whose answers a test can replace. */
export interface HostileHttpServer {
  url: string;
  origin: string;
  received: HostileHttpRequest[];
  /** Replaces the answer to requests of the given JSON-RPC method. */
  answers: Map<string, HostileAnswer>;
  /** Answers a GET (the event stream a 2025-era client opens); unset, a GET gets 405 (no stream). */
  onGet: ((response: ServerResponse) => void) | undefined;
  /** Every socket still open. */
  openSockets(): number;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += String(chunk);
  return body;
}

function json(response: ServerResponse, id: number | string, result: unknown): void {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ jsonrpc: '2.0', id, result }));
}

/** Starts the server on a loopback port. It lists one tool, `echo`, and echoes its `text`. */
export async function startHostileHttpServer(): Promise<HostileHttpServer> {
  const received: HostileHttpRequest[] = [];
  const answers = new Map<string, HostileAnswer>();
  const sockets = new Set<Socket>();
  const hostile = { onGet: undefined } as HostileHttpServer;
  const server = createServer((request, response) => {
    void (async () => {
      const body = request.method === 'POST' ? await readBody(request) : '';
      const message = body === '' ? undefined : (JSON.parse(body) as Parameters<HostileAnswer>[0]);
      received.push({
        method: request.method ?? '',
        path: request.url ?? '',
        authorization: request.headers.authorization,
        rpcMethod: message?.method,
      });
      if (message === undefined) {
        if (request.method === 'GET' && hostile.onGet !== undefined) hostile.onGet(response);
        else response.writeHead(405).end();
        return;
      }
      if (message.id === undefined) {
        response.writeHead(202).end();
        return;
      }
      const answer = answers.get(message.method);
      if (answer !== undefined && answer(message, response) !== 'default') return;
      switch (message.method) {
        case 'initialize':
          json(response, message.id, {
            protocolVersion: message.params?.protocolVersion,
            capabilities: { tools: {} },
            serverInfo: { name: 'hostile-http', version: '1.0.0' },
          });
          return;
        case 'tools/list':
          json(response, message.id, {
            tools: [{ name: 'echo', inputSchema: { type: 'object', properties: { text: { type: 'string' } } } }],
          });
          return;
        case 'tools/call':
          json(response, message.id, {
            content: [
              { type: 'text', text: `echo: ${String((message.params?.arguments as { text?: unknown })?.text)}` },
            ],
          });
          return;
        default:
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(
            JSON.stringify({ jsonrpc: '2.0', id: message.id, error: { code: -32601, message: 'Not found' } }),
          );
      }
    })();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  Object.assign(hostile, {
    url: `${origin}/mcp`,
    origin,
    received,
    answers,
    openSockets: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  });
  return hostile;
}
