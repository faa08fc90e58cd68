import { startSimulator, type Simulator } from '@rig-ts/testkit/simulator';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { CellServer } from '../run-fault-cell.js';
import {
  startFaultServer,
  type FaultHandler,
  type FaultRequest,
  type FaultServer,
  type ServerConnections,
} from './fault-server.js';

function sum(connections: ServerConnections[]): ServerConnections {
  return connections.reduce(
    (total, each) => ({
      open: total.open + each.open,
      active: total.active + each.active,
      total: total.total + each.total,
    }),
    { open: 0, active: 0, total: 0 },
  );
}

/** A cell server over several servers: the client talks to the first, requests and connections are counted on all. */
export function cellServer(
  root: string,
  servers: readonly (FaultServer | Simulator)[],
  headers: { [name: string]: string } = {},
): CellServer {
  return {
    root,
    headers,
    requests: () => servers.flatMap((server): { headers: IncomingHttpHeaders }[] => server.requests),
    connections: () => sum(servers.map((server) => server.connections())),
    fillerLength: () => undefined,
    close: async () => {
      await Promise.all(servers.map((server) => server.close()));
    },
  };
}

/** Starts one fault server answering with `handler`, as a cell server. */
export async function replyServer(handler: FaultHandler): Promise<CellServer> {
  const server = await startFaultServer(handler);
  return cellServer(server.url, [server]);
}

async function closeBoth(server: FaultServer, simulator: Simulator): Promise<void> {
  await Promise.all([server.close(), simulator.close()]);
}

function forwardable(headers: IncomingHttpHeaders): { [name: string]: string } {
  const result: { [name: string]: string } = {};
  for (const [name, value] of Object.entries(headers)) {
    if (
      typeof value === 'string' &&
      !['host', 'content-length', 'connection', 'keep-alive', 'transfer-encoding'].includes(name)
    )
      result[name] = value;
  }
  return result;
}

/** The simulator's answer to a request, whole. */
async function askSimulator(
  simulator: Simulator,
  request: FaultRequest,
  path: string,
): Promise<{ status: number; contentType: string; body: Buffer }> {
  const upstream = await fetch(simulator.url + path, {
    method: request.method,
    headers: forwardable(request.headers),
    body: request.body,
  });
  return {
    status: upstream.status,
    contentType: upstream.headers.get('content-type') ?? 'application/octet-stream',
    body: Buffer.from(await upstream.arrayBuffer()),
  };
}

/**
 * The answer of a provider whose server forwards each request to a simulator of its own and hands its answer on
 * through `write` (which may change it, add headers or pause). Requests are counted where the client sends them, not
 * at the simulator behind.
 */
export async function forwardingServer(
  write: (
    answer: { status: number; contentType: string; body: Buffer },
    response: ServerResponse,
    request: FaultRequest,
  ) => void,
): Promise<CellServer> {
  const simulator = await startSimulator();
  const server = await startFaultServer(async (request, response) =>
    write(await askSimulator(simulator, request, request.url), response, request),
  );
  return { ...cellServer(server.url, [server]), close: () => closeBoth(server, simulator) };
}

/** A provider that redirects every request (`status`, to the same path) to a simulator on another origin. */
export async function redirectToOtherOrigin(status: number): Promise<CellServer> {
  const other = await startSimulator();
  const server = await startFaultServer((request, response) => {
    response.writeHead(status, { location: other.url + request.url });
    response.end();
  });
  return cellServer(server.url, [server, other]);
}

/** A provider that redirects every request (`status`) to `/moved` + its path on the same origin, where it answers. */
export async function redirectWithinOrigin(status: number): Promise<CellServer> {
  const simulator = await startSimulator();
  const server = await startFaultServer(async (request, response) => {
    if (!request.url.startsWith('/moved/')) {
      response.writeHead(status, { location: `/moved${request.url}` });
      response.end();
      return;
    }
    const answer = await askSimulator(simulator, request, request.url.slice('/moved'.length));
    response.writeHead(answer.status, { 'content-type': answer.contentType });
    response.end(answer.body);
  });
  return { ...cellServer(server.url, [server]), close: () => closeBoth(server, simulator) };
}
