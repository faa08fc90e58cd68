import { CompletionError, type CompletionModel } from '@rig-ts/core';
import { startSimulator, type Simulator } from '@rig-ts/testkit/simulator';
import { PROVIDERS } from '../providers.js';
import { CANARY_KEY } from '../test-utils/canary.js';

/** How big a soak run is. */
export interface SoakSize {
  /** Calls made one after another. */
  calls: number;
  /** Streams open at the same time. */
  streams: number;
}

/** What a soak run measured. */
export interface SoakResult {
  calls: number;
  streams: number;
  providers: string[];
  /** How the calls and streams ended. */
  outcomes: { answered: number; failed: number; aborted: number };
  /** Requests the simulator received (retries included). */
  requests: number;
  /** `heapUsed` after a full garbage collection, before and after, in bytes. */
  heapStartBytes: number;
  heapEndBytes: number;
  /** Client sockets the simulator accepted, and still open once the client was left idle. */
  socketsAccepted: number;
  socketsOpenAfter: number;
  /** Requests still being answered when the last call had settled. */
  requestsActiveAfter: number;
  unhandledRejections: number;
  durationMs: number;
  node: string;
}

type Kind = 'answer' | 'server-error' | 'rate-limited' | 'malformed' | 'cut' | 'aborted';

/** The fate of call number `index`: most answer, some fail in each way, some are aborted by the caller. */
function kindOf(index: number): Kind {
  switch (index % 10) {
    case 3:
      return 'server-error';
    case 5:
      return 'rate-limited';
    case 6:
      return 'cut';
    case 7:
      return 'aborted';
    case 9:
      return 'malformed';
    default:
      return 'answer';
  }
}

const FAULT_HEADERS: Record<Kind, { [name: string]: string }> = {
  answer: {},
  'server-error': { 'x-sim-fault': '500', 'x-sim-retry-after': '0ms' },
  'rate-limited': { 'x-sim-fault': '429', 'x-sim-retry-after': '0ms' },
  malformed: { 'x-sim-fault': 'malformed' },
  cut: { 'x-sim-fault': 'cut' },
  aborted: {},
};

type Outcome = 'answered' | 'failed' | 'aborted';

/** One call of `kind` in `mode`; the `aborted` kind aborts after the first streamed item (or at once, for a JSON call). */
async function oneCall(
  model: CompletionModel,
  kind: Kind,
  stream: boolean,
  extraHeaders: { [name: string]: string } = {},
): Promise<Outcome> {
  const controller = new AbortController();
  const reason = new Error('the caller gave up');
  const options = { headers: { ...FAULT_HEADERS[kind], ...extraHeaders }, signal: controller.signal };
  const request = model.completionRequest('hello soak').build();
  try {
    if (!stream) {
      const pending = model.completion(request, options);
      if (kind === 'aborted') controller.abort(reason);
      await pending;
      return 'answered';
    }
    const response = await model.stream(request, options);
    for await (const item of response) {
      if (kind === 'aborted' && item.type === 'text') controller.abort(reason);
    }
    await response.final;
    return 'answered';
  } catch (error) {
    if (error === reason) return 'aborted';
    if (CompletionError.isInstance(error)) return 'failed';
    throw error;
  }
}

async function until(condition: () => boolean, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
}

/**
 * `heapUsed` after full garbage collections. Weak references are cleared, and finalization callbacks (undici ties
 * sockets and bodies to them) run, only between jobs: the event loop turns between collections.
 */
async function collectGarbage(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('the soak needs node --expose-gc');
  for (let round = 0; round < 6; round++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return process.memoryUsage().heapUsed;
}

/**
 * The soak: `calls` calls one after another, then `streams` streams at once, over every provider against one
 * simulator, most answering, some failing (500, 429, a malformed frame, a cut) and some aborted by the caller. Heap
 * after a full GC is measured once warm, and again once the client has let every connection go.
 */
export async function runSoak(size: SoakSize): Promise<SoakResult> {
  let unhandledRejections = 0;
  const onUnhandled = () => unhandledRejections++;
  process.on('unhandledRejection', onUnhandled);
  const simulator: Simulator = await startSimulator();
  let requests = 0;
  const drainRequests = () => {
    requests += simulator.requests.length;
    simulator.reset();
  };
  try {
    const models = PROVIDERS.map((provider) =>
      provider.model(simulator.url, {
        apiKey: CANARY_KEY,
        maxRetries: 1,
        timeoutMs: 30_000,
        idleTimeoutMs: 10_000,
        maxRetryDelayMs: 1_000,
      }),
    );
    const outcomes = { answered: 0, failed: 0, aborted: 0 };
    // Warm up, so that modules, optimized code and connection pools are in place: every provider, mode and kind, 300
    // calls in all, then as many concurrent streams as the soak opens (Node's fetch keeps one connection client per
    // connection it ever had open at once to an origin, and reuses them: that is capacity, not a leak).
    for (let index = 0; index < 300; index++)
      await oneCall(models[index % models.length]!, kindOf(index), Math.floor(index / models.length) % 2 === 1);
    await Promise.all(
      Array.from({ length: size.streams }, (_unused, index) =>
        oneCall(models[index % models.length]!, kindOf(index), true, { 'x-sim-delay-ms': '5' }),
      ),
    );
    drainRequests();
    requests = 0;
    await until(() => simulator.connections().open === 0, 10_000);
    const heapStartBytes = await collectGarbage();
    const started = performance.now();

    for (let index = 0; index < size.calls; index++) {
      outcomes[
        await oneCall(models[index % models.length]!, kindOf(index), Math.floor(index / models.length) % 2 === 1)
      ]++;
      if (index % 500 === 499) drainRequests();
    }
    drainRequests();
    const streams = await Promise.all(
      Array.from({ length: size.streams }, (_unused, index) =>
        oneCall(models[index % models.length]!, kindOf(index), true, { 'x-sim-delay-ms': '5' }),
      ),
    );
    for (const outcome of streams) outcomes[outcome]++;
    const durationMs = performance.now() - started;
    drainRequests();

    await until(() => simulator.connections().active === 0, 2_000);
    const requestsActiveAfter = simulator.connections().active;
    // Idle keep-alive sockets close on their own (the client's keep-alive timeout is 4 s).
    await until(() => simulator.connections().open === 0, 15_000);
    const { open: socketsOpenAfter, total: socketsAccepted } = simulator.connections();
    const heapEndBytes = await collectGarbage();
    return {
      calls: size.calls,
      streams: size.streams,
      providers: PROVIDERS.map((provider) => provider.id),
      outcomes,
      requests,
      heapStartBytes,
      heapEndBytes,
      socketsAccepted,
      socketsOpenAfter,
      requestsActiveAfter,
      unhandledRejections,
      durationMs: Math.round(durationMs),
      node: process.version,
    };
  } finally {
    process.off('unhandledRejection', onUnhandled);
    await simulator.close();
  }
}
