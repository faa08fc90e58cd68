/// <reference types="node" />
// Node-only: this module is reached through a Node subpath, never from the browser-safe main entry.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A request as a loopback server received it, its body read whole. */
export interface LoopbackRequest {
  method: string;
  /** Path and query. */
  url: string;
  /** The request headers, as node gives them (`IncomingHttpHeaders`). */
  headers: { [name: string]: string | string[] | undefined };
  /** The body as UTF-8 text. */
  body: string;
}

/**
 * Answers one request once its body is in: `response` is node's `ServerResponse`, `incoming` its `IncomingMessage`
 * (whose `socket` resets or drops the connection). They are type parameters so that these declarations need no
 * `@types/node` (the simulator entry's types compile without it): name them, as in
 * `startLoopbackServer<ServerResponse, IncomingMessage>(…)` with the types of `node:http`.
 */
export type LoopbackHandler<Response = unknown, Incoming = unknown> = (
  request: LoopbackRequest,
  response: Response,
  incoming: Incoming,
) => void;

/** The client connections a server holds, counted on the server side. */
export interface SimulatorConnections {
  /** Sockets open now, idle keep-alive ones included. */
  open: number;
  /** Requests whose answer is still being sent or held back (a stall, a slow first byte), on sockets still open. */
  active: number;
  /** Sockets accepted since the server started. */
  total: number;
}

/** Settings of {@link startLoopbackServer}. */
export interface StartLoopbackServerOptions {
  /** @default 0 (a free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
}

/** A running loopback server. */
export interface LoopbackServer {
  /** `http://<host>:<port>` (an IPv6 host in brackets). */
  readonly url: string;
  /** The connections open now: a client that released every call leaves none `active`. */
  connections(): SimulatorConnections;
  /** Stops listening and drops open connections (stalled answers included). */
  close(): Promise<void>;
}

/**
 * Starts a node:http server that reads each request's body whole and gives it to `handler`, counting its connections:
 * a request counts as `active` from its first byte until its answer is sent or its socket closes, so a call that stalls
 * mid-upload or is held without an answer still shows. What `startSimulator` runs on; for a test server of your own
 * that answers what the simulator does not (a wrong content type, a huge body).
 *
 * @example
 * const server = await startLoopbackServer<ServerResponse>((request, response) => response.end(request.body));
 * // … call server.url, then check the client released its connection:
 * expect(server.connections().active).toBe(0);
 * await server.close();
 */
export async function startLoopbackServer<Response = unknown, Incoming = unknown>(
  handler: LoopbackHandler<Response, Incoming>,
  options: StartLoopbackServerOptions = {},
): Promise<LoopbackServer> {
  // The handler takes what node gives: its type parameters only name those types for the caller.
  const answer = handler as unknown as LoopbackHandler<ServerResponse, IncomingMessage>;
  const sockets = new Set<Socket>();
  const answering = new Set<ServerResponse>();
  let total = 0;
  const server = createServer((incoming, response) => {
    answering.add(response);
    response.on('close', () => answering.delete(response));
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const request: LoopbackRequest = {
        method: incoming.method ?? 'GET',
        url: incoming.url ?? '/',
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      answer(request, response, incoming);
    });
  });
  server.on('connection', (socket: Socket) => {
    total++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    connections: () => ({ open: sockets.size, active: answering.size, total }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
