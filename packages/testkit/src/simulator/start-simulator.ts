/// <reference types="node" />
// Node-only: this module is reached through a Node subpath, never from the browser-safe main entry.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { simulatorBaseURLs, type SimulatorBaseURLs } from './simulator-base-urls.js';
import { simulatorBatchRoutes } from './simulator-batch-routes.js';
import {
  SimulatorEngine,
  type SimulatorOptions,
  type SimulatorRecord,
  type SimulatorReply,
} from './simulator-engine.js';

/** Settings of {@link startSimulator}. */
export interface StartSimulatorOptions extends SimulatorOptions {
  /** @default 0 (a free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
}

/** The client connections a simulator holds, counted on the server side. */
export interface SimulatorConnections {
  /** Sockets open now, idle keep-alive ones included. */
  open: number;
  /** Requests whose answer is still being sent or held back (a stall, a slow first byte), on sockets still open. */
  active: number;
  /** Sockets accepted since the simulator started. */
  total: number;
}

/** A running provider simulator. */
export interface Simulator {
  /** `http://<host>:<port>` */
  readonly url: string;
  /** What to pass as each provider client's `baseURL`. */
  readonly baseURLs: SimulatorBaseURLs;
  /** Every API request received, in order. */
  readonly requests: SimulatorRecord[];
  /** Forgets the recorded requests, the fault counters and the id sequence. */
  reset(): void;
  /** The connections open now: a client that released every call leaves none `active`. */
  connections(): SimulatorConnections;
  /** Stops listening and drops open connections (stalled streams included). */
  close(): Promise<void>;
}

function send(reply: SimulatorReply, request: IncomingMessage, response: ServerResponse): void {
  const socket = request.socket;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let closed = false;
  response.on('close', () => {
    closed = true;
    for (const timer of timers) clearTimeout(timer);
  });
  const later = (milliseconds: number, action: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!closed) action();
    }, milliseconds);
    timers.add(timer);
  };
  const finish = () => {
    if (reply.ending === 'end') response.end();
    else if (reply.ending === 'drop') response.write('', () => socket.destroy());
  };
  const writeFrom = (index: number) => {
    const chunk = reply.chunks[index];
    if (chunk === undefined) {
      finish();
      return;
    }
    response.write(chunk);
    later(reply.chunkDelayMs, () => writeFrom(index + 1));
  };
  const start = () => {
    if (reply.reset) {
      socket.resetAndDestroy();
      return;
    }
    response.writeHead(reply.status, reply.headers);
    if (reply.ending === 'stall') {
      response.flushHeaders();
      return;
    }
    if (reply.chunkDelayMs > 0 && reply.chunks.length > 1) writeFrom(0);
    else {
      if (reply.chunks.length > 0) response.write(reply.chunks.join(''));
      finish();
    }
  };
  if (reply.firstByteDelayMs > 0) later(reply.firstByteDelayMs, start);
  else start();
}

/**
 * Starts the provider simulator on a loopback port: one node:http server that answers the OpenAI (Responses and
 * Chat Completions), Anthropic, Gemini and Ollama APIs in their real wire formats, from a deterministic model, with
 * faults on request, and the batch APIs of OpenAI, Anthropic and Gemini (`simulatorBatchRoutes`). Point a provider client's `baseURL` at `baseURLs.<provider>`.
 *
 * @example
 * const simulator = await startSimulator();
 * const client = new openai.Client({ apiKey: 'sim', baseURL: simulator.baseURLs.openai });
 * await client.completionModel('gpt-4o').prompt('hello'); // 'You said: "hello". This is a simulated answer…'
 * await simulator.close();
 */
export async function startSimulator(options: StartSimulatorOptions = {}): Promise<Simulator> {
  const engine = new SimulatorEngine(options, simulatorBatchRoutes);
  const sockets = new Set<Socket>();
  const answering = new Set<ServerResponse>();
  let total = 0;
  const server = createServer((request, response) => {
    answering.add(response);
    response.on('close', () => answering.delete(response));
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      let reply: SimulatorReply;
      try {
        reply = engine.handle({
          method: request.method ?? 'GET',
          url: request.url ?? '/',
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
      } catch (error) {
        // A simulator bug answers this request with a 500 instead of taking the test process down.
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', 'access-control-allow-origin': '*' });
        response.end(`rig-sim internal error: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      send(reply, request, response);
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
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url,
    baseURLs: simulatorBaseURLs(url),
    requests: engine.requests,
    reset: () => engine.reset(),
    connections: () => ({ open: sockets.size, active: answering.size, total }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
