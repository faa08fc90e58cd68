import type { ServerResponse } from 'node:http';
import {
  startLoopbackServer,
  type LoopbackRequest,
  type LoopbackServer,
  type SimulatorConnections,
} from '@rig-ts/testkit/simulator';

/** A request as the fault server received it. */
export type FaultRequest = LoopbackRequest;

/** Answers one request; `index` counts requests from 0. */
export type FaultHandler = (request: FaultRequest, response: ServerResponse, index: number) => void | Promise<void>;

/** Connections counted on the server side, as the simulator's `connections()` counts them. */
export type ServerConnections = SimulatorConnections;

/** A loopback server for the faults the simulator does not have (wrong content type, huge bodies, echoed keys). */
export interface FaultServer extends LoopbackServer {
  readonly requests: FaultRequest[];
}

/**
 * Starts a loopback server on 127.0.0.1 (testkit's `startLoopbackServer`, what the simulator runs on) that records
 * every request and answers it with `handler`. Not built on @rig-ts/fixtures' loopback server: a request counts as
 * being answered from its first byte, not once its body is in, so a call that stalls mid-upload still shows as active.
 */
export async function startFaultServer(handler: FaultHandler): Promise<FaultServer> {
  const requests: FaultRequest[] = [];
  const server = await startLoopbackServer<ServerResponse>((request, response) => {
    requests.push(request);
    Promise.resolve(handler(request, response, requests.length - 1)).catch((error: unknown) =>
      response.destroy(error instanceof Error ? error : new Error(String(error))),
    );
  });
  return { url: server.url, requests, connections: () => server.connections(), close: () => server.close() };
}
