import { invalidRequest, MAX_TIMER_MS } from '@rig-ts/core/internal';
import { estimateRequestTokens } from './estimate-request-tokens.js';
import { parseRateLimitHeaders } from './parse-rate-limit-headers.js';
import { RateBudget, type RateBudgetState } from './rate-budget.js';

/** Options of {@link pacedFetch}. */
export interface PacedFetchOptions {
  /** The `fetch` that sends the requests. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** A request limit to keep to when the provider sends no rate-limit headers (Gemini), per minute. */
  requestsPerMinute?: number;
  /** A token limit to keep to when the provider sends no rate-limit headers, per minute. */
  tokensPerMinute?: number;
  /** How many requests may be in flight before the first answer (and its rate-limit headers) is back. @default 1 */
  firstRequests?: number;
  /**
   * Guesses the tokens a request counts against a token limit: a finite number of at least 0 (anything else fails the
   * request with a `request` error). @default estimateRequestTokens
   */
  estimateTokens?: (body: BodyInit | null | undefined) => number;
  /** The clock. @default Date.now */
  now?: () => number;
}

/** What a {@link PacedFetch} knows and has done. */
export interface PacedFetchState {
  requests: RateBudgetState;
  tokens: RateBudgetState;
  /** Requests waiting for their turn. */
  waiting: number;
  inFlight: number;
  sent: number;
  /** Answers with status 429 so far. */
  rateLimited: number;
  /** Until when (ms since the epoch) nothing is sent because the server asked to wait. */
  pausedUntil: number;
}

/** A `fetch` that waits for its turn under the account's rate limits; give it to a client as its `fetch`. */
export interface PacedFetch {
  (input: string | URL | Request, init?: RequestInit): Promise<Response>;
  state(): PacedFetchState;
}

/** Where a request stands in each budget, and when it was sent. */
interface Marks {
  requests: number;
  tokens: number;
  at: number;
}

interface Waiter {
  tokens: number;
  start: (marks: Marks) => void;
}

function checkPerMinute(name: string, value: number | undefined): void {
  if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value <= 0))
    throw invalidRequest(`${name} must be a positive number (got ${String(value)})`, name);
}

/**
 * A `fetch` that paces requests by the rate limits the provider reports, so that many calls at once run as fast as
 * the account allows without a storm of 429s. It reads every answer's rate-limit headers (OpenAI's
 * `x-ratelimit-remaining-requests` / `-tokens` and their resets, Anthropic's `anthropic-ratelimit-*`), keeps a running
 * budget of requests and tokens (refilled continuously, as those limits are), and holds each request, in order, until
 * the budget has room for it; a 429 pauses every request for its `retry-after`. Until the first answer is back only
 * `firstRequests` go out, so the limits are known before a burst. Without headers (Gemini), `requestsPerMinute` /
 * `tokensPerMinute` set the budget; without either, requests go out at once.
 *
 * ```ts
 * const client = new openai.Client({ fetch: pacedFetch() });
 * const model = client.completionModel('gpt-4o-mini');
 * const answers = await mapConcurrent(prompts, (prompt, { signal }) => model.prompt(prompt, { signal }), { concurrency: 64 });
 * ```
 *
 * One paced fetch per account: clients that share it share its budget. A request waiting for its turn still counts
 * against its call's `timeoutMs`; its signal stops the wait.
 */
export function pacedFetch(options: PacedFetchOptions = {}): PacedFetch {
  checkPerMinute('requestsPerMinute', options.requestsPerMinute);
  checkPerMinute('tokensPerMinute', options.tokensPerMinute);
  const firstRequests = options.firstRequests ?? 1;
  if (!Number.isInteger(firstRequests) || firstRequests < 1)
    throw invalidRequest(
      `firstRequests must be a whole number of at least 1 (got ${String(firstRequests)})`,
      'firstRequests',
    );
  const send = options.fetch ?? ((input: string | URL | Request, init?: RequestInit) => globalThis.fetch(input, init));
  const now = options.now ?? Date.now;
  const estimate = options.estimateTokens ?? estimateRequestTokens;
  const start = now();
  const requests =
    options.requestsPerMinute === undefined ? new RateBudget() : RateBudget.perMinute(options.requestsPerMinute, start);
  const tokens =
    options.tokensPerMinute === undefined ? new RateBudget() : RateBudget.perMinute(options.tokensPerMinute, start);
  const queue: Waiter[] = [];
  let answered = false;
  let inFlight = 0;
  let rateLimited = 0;
  let pausedUntil = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const pump = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    while (queue.length > 0) {
      const head = queue[0]!;
      const time = now();
      if (!answered && inFlight >= firstRequests) return;
      const wait = Math.max(pausedUntil - time, requests.waitMs(1, time), tokens.waitMs(head.tokens, time));
      if (wait > 0) {
        // A wait longer than a timer takes is slept in steps (a longer timer would fire at once, a busy loop).
        timer = setTimeout(pump, Math.min(wait, MAX_TIMER_MS));
        return;
      }
      queue.shift();
      inFlight++;
      head.start({ requests: requests.reserve(1, time), tokens: tokens.reserve(head.tokens, time), at: time });
    }
  };

  const turn = (cost: number, signal: AbortSignal | null | undefined): Promise<Marks> =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = (): void => {
        const index = queue.indexOf(waiter);
        if (index !== -1) queue.splice(index, 1);
        reject(signal!.reason);
        pump();
      };
      const waiter: Waiter = {
        tokens: cost,
        start: (marks) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(marks);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(waiter);
      pump();
    });

  const paced = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const cost = estimate(init?.body);
    // NaN or a negative count would leave the token budget NaN or overfull for good (pacing silently off), Infinity
    // would hold every later request forever.
    if (typeof cost !== 'number' || !Number.isFinite(cost) || cost < 0)
      throw invalidRequest(
        `estimateTokens must return a number of tokens of at least 0 (got ${String(cost)})`,
        'estimateTokens',
      );
    const marks = await turn(cost, init?.signal ?? (input instanceof Request ? input.signal : undefined));
    try {
      const response = await send(input, init);
      const time = now();
      const limits = parseRateLimitHeaders(response.headers, time, marks.at);
      if (limits.requests !== undefined) requests.observe(limits.requests, marks.requests, time, marks.at);
      if (limits.tokens !== undefined) tokens.observe(limits.tokens, marks.tokens, time, marks.at);
      if (response.status === 429) {
        rateLimited++;
        const wait = limits.retryAfterMs ?? limits.requests?.resetMs ?? 1000;
        pausedUntil = Math.max(pausedUntil, time + wait);
        requests.exhaust(marks.requests, time, time + wait);
      }
      return response;
    } finally {
      const time = now();
      requests.settle(marks.requests, time);
      tokens.settle(marks.tokens, time);
      answered = true;
      inFlight--;
      pump();
    }
  };

  return Object.assign(paced, {
    state: (): PacedFetchState => {
      const time = now();
      return {
        requests: requests.state(time),
        tokens: tokens.state(time),
        waiting: queue.length,
        inFlight,
        sent: requests.sent,
        rateLimited,
        pausedUntil,
      };
    },
  });
}
