/// <reference types="node" />
// Node-only: this module is reached through a Node subpath, never from the browser-safe main entry.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startLoopbackServer, type LoopbackServer, type StartLoopbackServerOptions } from './start-loopback-server.js';
import { simulatorBaseURLs, type SimulatorBaseURLs } from './simulator-base-urls.js';
import { simulatorBatchRoutes } from './simulator-batch-routes.js';
import {
  SimulatorEngine,
  type SimulatorOptions,
  type SimulatorRecord,
  type SimulatorReply,
} from './simulator-engine.js';

/** Settings of {@link startSimulator}: the simulator's, and where it listens. */
export interface StartSimulatorOptions extends SimulatorOptions, StartLoopbackServerOptions {}

/** A running provider simulator: a loopback server answering the providers' APIs. */
export interface Simulator extends LoopbackServer {
  /** What to pass as each provider client's `baseURL`. */
  readonly baseURLs: SimulatorBaseURLs;
  /** Every API request received, in order. */
  readonly requests: SimulatorRecord[];
  /** Forgets the recorded requests, the fault counters and the id sequence. */
  reset(): void;
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
  const server = await startLoopbackServer<ServerResponse, IncomingMessage>((request, response, incoming) => {
    let reply: SimulatorReply;
    try {
      reply = engine.handle(request);
    } catch (error) {
      // A simulator bug answers this request with a 500 instead of taking the test process down.
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', 'access-control-allow-origin': '*' });
      response.end(`rig-sim internal error: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    send(reply, incoming, response);
  }, options);
  return {
    url: server.url,
    baseURLs: simulatorBaseURLs(server.url),
    requests: engine.requests,
    reset: () => engine.reset(),
    connections: () => server.connections(),
    close: () => server.close(),
  };
}
