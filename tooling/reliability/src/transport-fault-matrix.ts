import { Agent } from 'undici';
import type { CallMode } from './providers.js';
import type { ExpectedError, FaultCase } from './fault-matrix.js';
import {
  ABORTED,
  BOTH,
  BOTH_ANSWER,
  FAILED,
  failedEveryRetry,
  httpError,
  httpFailure,
  keyEchoedUnauthorized,
  notJsonNorStream,
  rateLimitNotWaited,
  simulated429,
} from './fault-expectations.js';
import { credentialOf } from './test-utils/canary.js';
import {
  forwardingServer,
  redirectToOtherOrigin,
  redirectWithinOrigin,
  replyServer,
} from './test-utils/transport-fault-servers.js';

/** Node's fetch cuts a call after 300 s without headers and 300 s of a silent body; these rows shorten that to 300 ms. */
export const NODE_LIMIT_MS = 300;

/** A `fetch` on an undici Agent (what Node's fetch runs on) with shortened limits; it prints as `description`. */
function cappedFetch(options: Agent.Options, description: string): typeof globalThis.fetch {
  const agent = new Agent(options);
  const capped = (input: string | URL | Request, init?: RequestInit) =>
    fetch(input, { ...init, dispatcher: agent } as RequestInit);
  return Object.assign(capped, { toString: () => description });
}

const NOT_FOLLOWED = '(rig-ts follows only 307 and 308 redirects to the same origin)';

function refusedRedirect(status: number, target: { pattern: string; means: string }, why: string): ExpectedError {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return {
    name: 'CompletionError.Http',
    kind: 'http',
    status,
    isRetryable: false,
    attempts: 1,
    message: {
      pattern: `^\\{provider\\} answered POST \\{url\\} with a redirect \\(HTTP ${status}\\) to ${target.pattern}: ${escape(`not followed, as ${why} ${NOT_FOLLOWED}`)}$`,
      means: `{provider} answered POST {url} with a redirect (HTTP ${status}) to ${target.means}: not followed, as ${why} ${NOT_FOLLOWED}`,
    },
  };
}

const OTHER_ORIGIN = { pattern: 'http://127\\.0\\.0\\.1:\\d+/\\S+', means: '<the same path on the other origin>' };
const MOVED_PATH = { pattern: 'http://127\\.0\\.0\\.1:\\d+/moved/\\S+', means: '<the same origin>/moved<the path>' };

function fetchLimitError(reason: string, code: string): ExpectedError {
  return httpFailure(
    `network error calling {provider} at POST {url}: ${reason} (${code}, a time limit of fetch itself: not retried, as the provider may already have the request)`,
    1,
  );
}

const ERROR_401 = (message: string) =>
  JSON.stringify({ error: { message, type: 'invalid_request_error', param: null, code: 'invalid_api_key' } });
const OVERLOADED = '{"error":{"message":"The server is overloaded, please retry","type":"overloaded_error"}}';
const OVERLOADED_HALF = OVERLOADED.slice(0, 40);

/**
 * The transport's own faults: redirects, Node's fetch limits, keys in what the server sends back, and the edges of
 * retrying. Run like the fault matrix (every provider × both call modes), rendered below it in RELIABILITY.md.
 */
export const TRANSPORT_FAULT_MATRIX: readonly FaultCase[] = [
  ...([307, 308] as const).map((status): FaultCase => ({
    id: `redirect-${status}-other-origin`,
    fault: `HTTP ${status} to the same path on another origin (a second server, which would answer; its requests count here too)`,
    source: { server: () => redirectToOtherOrigin(status) },
    expected: BOTH(
      FAILED(
        refusedRedirect(status, OTHER_ORIGIN, 'it points to another origin, which must not receive the API key'),
        1,
        { under: 5_000 },
      ),
    ),
  })),
  {
    id: 'redirect-308-same-origin',
    fault: 'HTTP 308 to `/moved` + the path on the same origin, which answers (the key, method and body go along)',
    source: { server: () => redirectWithinOrigin(308) },
    expected: BOTH_ANSWER(2, { under: 5_000 }),
  },
  {
    id: 'redirect-303-same-origin',
    fault: 'HTTP 303 to `/moved` + the path on the same origin (following it would turn the POST into a GET)',
    source: { server: () => redirectWithinOrigin(303) },
    expected: BOTH(
      FAILED(refusedRedirect(303, MOVED_PATH, 'a 303 would turn the POST into a GET'), 1, { under: 5_000 }),
    ),
  },
  {
    id: 'node-headers-timeout',
    fault:
      'no headers within the limit of an injected fetch (an undici Agent’s `headersTimeout`, 300 ms here, 300 s in Node’s own); the headers would come after 6 s',
    source: { simulator: { 'x-sim-fault': 'slow-first-byte', 'x-sim-delay-ms': '6000' } },
    settings: {
      fetch: cappedFetch({ headersTimeout: NODE_LIMIT_MS }, 'a fetch on an undici Agent, headersTimeout: 300'),
    },
    expected: BOTH(
      FAILED(fetchLimitError('fetch failed: Headers Timeout Error', 'UND_ERR_HEADERS_TIMEOUT'), 1, {
        atLeast: NODE_LIMIT_MS - 10,
        under: 5_000,
      }),
    ),
  },
  {
    id: 'node-body-timeout',
    fault:
      'the headers, then silence beyond the limit of an injected fetch (an undici Agent’s `bodyTimeout`, 300 ms here, 300 s in Node’s own)',
    source: { simulator: { 'x-sim-fault': 'stall' } },
    settings: { fetch: cappedFetch({ bodyTimeout: NODE_LIMIT_MS }, 'a fetch on an undici Agent, bodyTimeout: 300') },
    expected: BOTH(
      FAILED(fetchLimitError('terminated: Body Timeout Error', 'UND_ERR_BODY_TIMEOUT'), 1, {
        atLeast: NODE_LIMIT_MS - 10,
        under: 5_000,
      }),
    ),
  },
  {
    id: 'node-limits-follow-the-call',
    fault:
      'Node’s own fetch limits cut to 300 ms (`setGlobalDispatcher`, for Node’s 300 s); the headers come after 2 s and the body pauses 2 s half-way; the client uses the runtime’s fetch',
    source: {
      server: () =>
        forwardingServer((answer, response) => {
          const half = Math.floor(answer.body.length / 2);
          setTimeout(() => {
            response.writeHead(answer.status, { 'content-type': answer.contentType });
            response.write(answer.body.subarray(0, half));
            setTimeout(() => response.end(answer.body.subarray(half)), 2_000);
          }, 2_000);
        }),
    },
    expected: BOTH_ANSWER(1, { atLeast: 3_900, under: 9_000 }),
  },
  {
    id: 'reason-phrase-key',
    fault: 'HTTP 401 whose reason phrase repeats the API key (`Unauthorized <key>`)',
    source: {
      server: () =>
        replyServer((request, response) => {
          response.writeHead(401, `Unauthorized ${credentialOf(request.headers) ?? ''}`, {
            'content-type': 'application/json',
          });
          response.end(ERROR_401('Incorrect API key provided.'));
        }),
    },
    expected: BOTH(
      FAILED(httpError(401, 'Unauthorized [REDACTED]', 'Incorrect API key provided.', 1), 1, { under: 5_000 }),
    ),
  },
  {
    id: 'request-id-key-answer',
    fault: 'the answer, with an `x-request-id` that repeats the API key',
    source: {
      server: () =>
        forwardingServer((answer, response) => {
          response.writeHead(answer.status, {
            'content-type': answer.contentType,
            'x-request-id': `req_${credentialOf(response.req.headers) ?? ''}`,
          });
          response.end(answer.body);
        }),
    },
    expected: BOTH_ANSWER(1, { under: 5_000 }),
  },
  {
    id: 'request-id-key-400',
    fault: 'HTTP 400 with an `x-request-id` that repeats the API key',
    source: {
      server: () =>
        replyServer((request, response) => {
          response.writeHead(400, {
            'content-type': 'application/json',
            'x-request-id': `req_${credentialOf(request.headers) ?? ''}`,
          });
          response.end(JSON.stringify({ error: { message: 'Invalid request.', type: 'invalid_request_error' } }));
        }),
    },
    expected: BOTH(
      FAILED(
        httpError(400, 'Bad Request', 'Invalid request.', 1, { headers: { 'x-request-id': 'req_[REDACTED]' } }),
        1,
        { under: 5_000 },
      ),
    ),
  },
  {
    id: 'escaped-key-401',
    fault: 'HTTP 401 whose JSON body repeats the API key JSON-escaped (`sk\\u002dcanary\\u002d…`)',
    source: {
      server: () =>
        replyServer((request, response) => {
          const key = (credentialOf(request.headers) ?? '').replaceAll('-', '\\u002d');
          response.writeHead(401, { 'content-type': 'application/json' });
          response.end(
            ERROR_401(`Incorrect API key provided: KEY. You can find your API key in your account settings.`).replace(
              'KEY',
              key,
            ),
          );
        }),
    },
    expected: keyEchoedUnauthorized(),
  },
  {
    id: 'content-type-key',
    fault: 'HTTP 200 whose content type repeats the API key (`text/plain; key=<key>`), with the body `OK`',
    source: {
      server: () =>
        replyServer((request, response) => {
          response.writeHead(200, { 'content-type': `text/plain; key=${credentialOf(request.headers) ?? ''}` });
          response.end('OK');
        }),
    },
    expected: notJsonNorStream('text/plain; key=[REDACTED]'),
  },
  {
    id: '503-broken-body',
    fault: 'HTTP 503 whose JSON error body breaks off half-way (the connection drops), every time',
    source: {
      server: () =>
        replyServer((_request, response) => {
          response.writeHead(503, {
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(OVERLOADED)),
          });
          response.write(OVERLOADED_HALF, () => response.socket?.destroy());
        }),
    },
    expected: failedEveryRetry(
      503,
      'Service Unavailable',
      `${OVERLOADED_HALF} (the error body broke off: terminated: other side closed)`,
    ),
  },
  rateLimitNotWaited({
    id: '429-beyond-timeout',
    fault:
      'HTTP 429 with `retry-after: 30`, within `maxRetryDelayMs` but beyond what is left of `timeoutMs` (8 s): the 429, not a timeout, before the time limit',
    retryAfter: '30',
    settings: { timeoutMs: 8_000 },
    underMs: 7_000,
  }),
  rateLimitNotWaited({
    id: '429-ms-beyond-timeout',
    fault:
      'HTTP 429 with `retry-after-ms: 12000`, within `maxRetryDelayMs` but beyond what is left of `timeoutMs` (8 s): the 429, not a timeout, before the time limit',
    retryAfter: '12000ms',
    settings: { timeoutMs: 8_000 },
    underMs: 7_000,
  }),
  rateLimitNotWaited({
    id: '429-huge-retry-after',
    fault:
      'HTTP 429 with `retry-after: 99999999999` (over 3,000 years) and no `maxRetryDelayMs` limit: the 429, not a timeout, before the time limit (10 s)',
    retryAfter: '99999999999',
    settings: { maxRetryDelayMs: Infinity },
    underMs: 8_000,
  }),
  {
    id: '429-huge-no-limit-abort',
    fault:
      'HTTP 429 with `retry-after: 99999999999`, no `maxRetryDelayMs` and no `timeoutMs` limit: the wait (longer than a timer holds) goes on until the caller aborts at a random moment',
    source: simulated429('99999999999'),
    settings: { maxRetryDelayMs: Infinity, timeoutMs: Infinity },
    abort: { fromMs: 300, toMs: 800, points: 3 },
    expected: BOTH(ABORTED()),
  },
];

/** The row that changes Node's global dispatcher: it runs in a test file (a process) of its own. */
export const GLOBAL_DISPATCHER_ROW = 'node-limits-follow-the-call';
