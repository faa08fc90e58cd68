import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { SimulatorConnections } from '@rig-ts/testkit/simulator';

/** A request as the fault server received it. */
export interface FaultRequest {
  method: string;
  /** Path and query. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Answers one request; `index` counts requests from 0. */
export type FaultHandler = (request: FaultRequest, response: ServerResponse, index: number) => void | Promise<void>;

/** Connections counted on the server side, as the simulator's `connections()` counts them. */
export type ServerConnections = SimulatorConnections;

/** A loopback server for the faults the simulator does not have (wrong content type, huge bodies, echoed keys). */
export interface FaultServer {
  readonly url: string;
  readonly requests: FaultRequest[];
  connections(): ServerConnections;
  close(): Promise<void>;
}

/**
 * Starts a node:http server on 127.0.0.1 that answers every request with `handler`, counting its sockets. Not built on
 * @rig-ts/fixtures' loopback server: a request counts as being answered from its first byte, not once its body is in,
 * so a call that stalls mid-upload still shows as active.
 */
export async function startFaultServer(handler: FaultHandler): Promise<FaultServer> {
  const requests: FaultRequest[] = [];
  const sockets = new Set<Socket>();
  const answering = new Set<ServerResponse>();
  let total = 0;
  const server = createServer((request, response) => {
    answering.add(response);
    response.on('close', () => answering.delete(response));
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const recorded: FaultRequest = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      Promise.resolve(handler(recorded, response, requests.length - 1)).catch((error: unknown) =>
        response.destroy(error instanceof Error ? error : new Error(String(error))),
      );
    });
  });
  server.on('connection', (socket: Socket) => {
    total++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    connections: () => ({ open: sockets.size, active: answering.size, total }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
