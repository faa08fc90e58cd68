import { sleep } from '../sleep.js';
import { simulatorBaseURLs, type SimulatorBaseURLs } from './simulator-base-urls.js';
import {
  SimulatorEngine,
  type SimulatorOptions,
  type SimulatorRecord,
  type SimulatorReply,
  type SimulatorRoutesFactory,
} from './simulator-engine.js';

/** Settings of {@link createSimulatorFetch}. */
export interface SimulatorFetchOptions extends SimulatorOptions {
  /** The origin the base URLs use (any host: nothing is resolved). @default 'http://simulator.invalid' */
  url?: string;
  /** Extra routes: `simulatorBatchRoutes` adds the batch APIs (left out by default, to keep browser bundles small). */
  routes?: SimulatorRoutesFactory;
}

/** A `fetch` answered in-process by the simulator. */
export interface SimulatorFetch {
  (input: string | URL | Request, init?: RequestInit): Promise<Response>;
  readonly url: string;
  readonly baseURLs: SimulatorBaseURLs;
  /** Every API request received, in order. */
  readonly requests: SimulatorRecord[];
  /** Forgets the recorded requests, the fault counters and the id sequence. */
  reset(): void;
}

function body(reply: SimulatorReply, signal: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let index = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        signal.addEventListener('abort', () => {
          if (timer !== undefined) clearTimeout(timer);
          try {
            controller.error(signal.reason);
          } catch {
            // already closed
          }
        });
      },
      async pull(controller) {
        if (index > 0 && reply.chunkDelayMs > 0)
          await new Promise<void>((resolve) => (timer = setTimeout(resolve, reply.chunkDelayMs)));
        if (signal.aborted) return;
        const chunk = reply.chunks[index++];
        if (chunk !== undefined) controller.enqueue(encoder.encode(chunk));
        else if (reply.ending === 'end') controller.close();
        else if (reply.ending === 'drop')
          controller.error(new TypeError('terminated', { cause: new Error('simulated connection drop') }));
        else await new Promise<void>(() => undefined);
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * The simulator as a `fetch` function, with no server and no socket: for browsers, workers, Deno and tests. Pass it
 * as a provider client's `fetch` with `baseURL` set to `baseURLs.<provider>`. Faults are emulated the way `fetch`
 * reports them: `reset` rejects with `TypeError('fetch failed')`, `cut` errors the body with `TypeError('terminated')`,
 * `stall` never sends more; an abort rejects or errors the body with the signal's reason.
 */
export function createSimulatorFetch(options: SimulatorFetchOptions = {}): SimulatorFetch {
  const engine = new SimulatorEngine(options, options.routes);
  const url = (options.url ?? 'http://simulator.invalid').replace(/\/+$/, '');
  const simulatorFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    const target = new URL(request.url);
    const headers: { [name: string]: string } = {};
    request.headers.forEach((value, name) => (headers[name] = value));
    const reply = engine.handle({
      method: request.method,
      url: target.pathname + target.search,
      headers,
      body: text,
      origin: target.origin,
    });
    const signal = request.signal;
    if (reply.firstByteDelayMs > 0) await sleep(reply.firstByteDelayMs, signal);
    signal.throwIfAborted();
    if (reply.reset)
      throw new TypeError('fetch failed', { cause: new Error('simulated connection reset (ECONNRESET)') });
    const empty = reply.status === 204 || (reply.chunks.length === 0 && reply.ending === 'end');
    return new Response(empty ? null : body(reply, signal), { status: reply.status, headers: reply.headers });
  };
  return Object.assign(simulatorFetch, {
    url,
    baseURLs: simulatorBaseURLs(url),
    requests: engine.requests,
    reset: () => engine.reset(),
  });
}
