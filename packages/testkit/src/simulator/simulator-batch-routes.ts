import { anthropicBatchRoutes } from './anthropic-batch-routes.js';
import { geminiBatchRoutes } from './gemini-batch-routes.js';
import { openAIBatchRoutes } from './openai-batch-routes.js';
import { SimulatorBatchStore } from './simulator-batch-store.js';
import type {
  SimulatorReply,
  SimulatorRequest,
  SimulatorRoutes,
  SimulatorRoutesContext,
  SimulatorRoutesFactory,
} from './simulator-engine.js';

/** A request as the batch routes see it: the method, the path split from the query, lower-cased headers, the body. */
export interface BatchRouteRequest {
  method: string;
  path: string;
  search: URLSearchParams;
  headers: { [name: string]: string };
  body: string;
  /** `http://host` of the request (from its Host header), for the absolute URLs the APIs answer with. */
  origin: string;
}

/** One provider's batch routes: a reply for requests that are theirs. */
export type BatchRoutes = (
  request: BatchRouteRequest,
  store: SimulatorBatchStore,
  context: SimulatorRoutesContext,
) => SimulatorReply | undefined;

const PROVIDERS: readonly BatchRoutes[] = [openAIBatchRoutes, anthropicBatchRoutes, geminiBatchRoutes];

/**
 * The batch APIs of the simulator: OpenAI's Batch and Files APIs, Anthropic's Message Batches, Gemini's Batch API and
 * resumable uploads. A batch ends `batchDelayMs` after its creation (`x-sim-batch-delay-ms` on the create request),
 * with each request answered as the simulator answers it alone, some failed on request (`x-sim-batch-fail: id,id`),
 * or expired or failed as a whole (`x-sim-batch-outcome`). `startSimulator` serves them; give them to
 * `createSimulatorFetch({ routes: simulatorBatchRoutes })` to have them in process.
 */
export const simulatorBatchRoutes: SimulatorRoutesFactory = (context): SimulatorRoutes => {
  const store = new SimulatorBatchStore();
  return {
    handle(request: SimulatorRequest): SimulatorReply | undefined {
      const url = new URL(request.url, 'http://simulator.invalid');
      const headers: { [name: string]: string } = {};
      for (const [name, value] of Object.entries(request.headers))
        if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
      const routed: BatchRouteRequest = {
        method: request.method.toUpperCase(),
        path: url.pathname,
        search: url.searchParams,
        headers,
        body: request.body,
        origin: request.origin ?? `http://${headers.host ?? 'simulator.invalid'}`,
      };
      for (const routes of PROVIDERS) {
        const reply = routes(routed, store, context);
        if (reply === undefined) continue;
        let body: unknown = request.body === '' ? undefined : request.body;
        try {
          if (typeof body === 'string' && headers['content-type']?.startsWith('application/json'))
            body = JSON.parse(body) as unknown;
        } catch {
          // Recorded as the text it is.
        }
        context.requests.push({
          method: routed.method,
          url: url.pathname + url.search,
          headers,
          body,
          api: undefined,
          model: undefined,
          stream: false,
          fault: undefined,
        });
        return reply;
      }
      return undefined;
    },
    reset() {
      store.reset();
    },
  };
};
