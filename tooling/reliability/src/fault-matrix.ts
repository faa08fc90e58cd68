import type { CallMode, ClientSettings, ProviderUnderTest, Wire } from './providers.js';
import type { CellServer } from './run-fault-cell.js';
import type { WireRewrite } from './wire-rewrite.js';
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
  rateLimitError,
  rateLimitNotWaited,
  simulated429,
} from './fault-expectations.js';

/**
 * A message as the table states it. `{provider}` (the name the provider's errors use), `{url}` (the POST's URL) and
 * `{jsonContentType}` (the content type the wire gives JSON bodies) are filled in per provider; a `pattern` is a
 * regular expression source in which the filled-in values match literally.
 */
export type MessageSpec = { exact: string } | { pattern: string; means: string };

/** The error a cell must end with, field by field. */
export interface ExpectedError {
  name: 'CompletionError.Http' | 'CompletionError.Json' | 'CompletionError.Response' | 'CompletionError.Provider';
  kind: 'http' | 'json' | 'response' | 'provider';
  /** HTTP status; absent for network failures and timeouts. */
  status?: number;
  reason?: 'malformed' | 'truncated' | 'unexpected';
  isRetryable: boolean;
  /** The error's `attempts` field; absent when the error has none (stream failures after the headers). */
  attempts?: number;
  message: MessageSpec;
  /** A message that differs by wire format (the bytes of a malformed frame). */
  messageByWire?: Partial<Record<Wire, MessageSpec>>;
  /** Response headers the error must keep (others may be there too). */
  headers?: { [name: string]: string };
  /** The length of the error's `body` when it is capped (64 KiB + `…[truncated]`). */
  bodyLength?: number;
}

/** The text of the stream's deltas delivered before the error, exactly. */
export interface PartialText {
  text: string;
  byWire?: Partial<Record<Wire, string>>;
}

/** What one fault does to one call, per provider. */
export interface Expectation {
  /** Requests the server receives: exactly, or at most (an abort may come before the request is out). */
  attempts: number | { atMost: number };
  /**
   * `answer`: the whole answer, equal to a fault-free call's (choice, usage, finish reason; streamed items too);
   * `abort-reason`: the call rejects with the caller's abort reason itself; else the error.
   */
  outcome: 'answer' | 'abort-reason' | ExpectedError;
  /**
   * What a consumer iterating the stream got before the outcome: `all` (every item, the final one included),
   * `all-text` (every text delta, no final item), `none`, `prefix` (the first items of the fault-free stream, in
   * order), or exactly this text. Completion calls always have `none`.
   */
  partial: 'all' | 'all-text' | 'none' | 'prefix' | PartialText;
  /** Usage reported: on the answer (and by `stream.usage()`); a failed call reports none. */
  usage: boolean;
  /** Elapsed time of the call, ms. */
  /**
   * How long the call took: from its start, or — `from: 'abort'`, for the abort lines — from the moment the caller
   * aborted (a loaded machine may fire the abort late; what is asserted is that the call then settles promptly).
   */
  timeMs: { atLeast?: number; under: number; from?: 'abort' };
}

/** How the server produces the fault. */
export type FaultSource =
  /** The testkit simulator, with these `x-sim-*` headers sent by the call. */
  | { simulator: { [header: string]: string } }
  /** A plain loopback server answering with a canned reply. */
  | { loopback: LoopbackReply }
  /** A loopback server that forwards to the simulator and inflates its answer to `bodyBytes` by repeating the prompt. */
  | { inflate: { marker: string; bodyBytes: number } }
  /** Servers of the row's own (two origins, a redirect, a forwarder that alters the answer), started per cell. */
  | { server: () => Promise<CellServer> }
  /** A loopback server that forwards to the simulator and changes its answer in the wire's own format. */
  | { rewrite: WireRewrite };

/** The canned replies of the loopback server. */
export type LoopbackReply =
  | 'text-plain-ok'
  | 'html-50mb-500'
  | 'echo-key-401'
  /** An HTTP 200 JSON body written until the client stops reading. */
  | 'endless-json-200'
  /** An HTTP 200 stream (NDJSON for Ollama, else SSE) whose first event is written until the client stops reading. */
  | 'endless-event-200';

/** One row of the matrix: a fault, how to produce it, and its outcome per call mode. */
export interface FaultCase {
  id: string;
  /** What happens, for the report. */
  fault: string;
  source: FaultSource;
  /** The prompt. @default 'hello world' */
  prompt?: string;
  /** Client settings that differ from {@link MATRIX_SETTINGS}. */
  settings?: Partial<ClientSettings>;
  /** The caller aborts at a random moment in this window (ms after the call starts), at `points` moments per cell. */
  abort?: { fromMs: number; toMs: number; points: number };
  /** Runs alone (a huge body to build, read and compare), not beside other cells. */
  heavy?: boolean;
  expected: Partial<Record<CallMode, Expectation>>;
}

/** The client settings of every cell, unless its row says otherwise. */
export const MATRIX_SETTINGS: Omit<ClientSettings, 'apiKey'> = {
  maxRetries: 2,
  timeoutMs: 10_000,
  idleTimeoutMs: 5_000,
  maxRetryDelayMs: 60_000,
};

const MB = 1024 * 1024;

const CUT_TEXT: PartialText = {
  text: 'You said: "hello world". This is',
  byWire: { anthropic: 'You said: "hello world". This' },
};
const CUT_ERROR = httpFailure('network error calling {provider} at POST {url}: terminated: other side closed', 1);
const NOT_JSON = (frame: string): MessageSpec => ({ exact: `stream sent a frame that is not valid JSON: ${frame}` });
const TIMED_OUT = httpFailure('{provider} call POST {url} timed out after 2000 ms (timeoutMs)', 1);
const HTML_PAGE =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/**
 * The fault matrix: every fault, with the outcome every provider's call must have, per call mode. The test runs every
 * row × provider × mode and asserts these exactly; RELIABILITY.md renders this table.
 */
export const FAULT_MATRIX: readonly FaultCase[] = [
  {
    id: '429-seconds',
    fault: 'HTTP 429 with `retry-after: 1` (seconds), twice, then the answer',
    source: simulated429('1', 2),
    expected: BOTH_ANSWER(3, { atLeast: 1900, under: 10_000 }),
  },
  {
    id: '429-ms',
    fault: 'HTTP 429 with `retry-after-ms: 200`, every time',
    source: simulated429('200ms'),
    expected: BOTH(FAILED(rateLimitError('200ms', 3), 3, { atLeast: 380, under: 10_000 })),
  },
  {
    id: '429-date',
    fault: 'HTTP 429 with `retry-after` as an HTTP date 2 s ahead, once, then the answer',
    source: simulated429('date:2', 1),
    // An HTTP date has whole seconds: 2 s ahead is a wait of 1 to 2 s.
    expected: BOTH_ANSWER(2, { atLeast: 900, under: 10_000 }),
  },
  rateLimitNotWaited({
    id: '429-too-long',
    fault: 'HTTP 429 with `retry-after: 30`, longer than the client’s `maxRetryDelayMs` (5 s)',
    retryAfter: '30',
    settings: { maxRetryDelayMs: 5_000 },
    underMs: 3_000,
  }),
  {
    id: '500',
    fault: 'HTTP 500, every time (no Retry-After: backoff)',
    source: { simulator: { 'x-sim-fault': '500' } },
    expected: failedEveryRetry(500, 'Internal Server Error', 'Internal server error (simulated fault 500)'),
  },
  {
    id: '502',
    fault: 'HTTP 502, every time (no Retry-After: backoff)',
    source: { simulator: { 'x-sim-fault': '502' } },
    expected: failedEveryRetry(502, 'Bad Gateway', 'Bad gateway (simulated fault 502)'),
  },
  {
    id: '503',
    fault: 'HTTP 503 twice, then the answer (no Retry-After: backoff)',
    source: { simulator: { 'x-sim-fault': '503', 'x-sim-fault-count': '2' } },
    expected: BOTH_ANSWER(3, { under: 10_000 }),
  },
  {
    id: '529',
    fault: 'HTTP 529 (overloaded), every time (no Retry-After: backoff)',
    source: { simulator: { 'x-sim-fault': '529' } },
    // Node's HTTP server calls a status it does not know `unknown`; the message quotes the server's status text.
    expected: failedEveryRetry(529, 'unknown', 'Overloaded (simulated fault 529)'),
  },
  {
    id: 'reset',
    fault: 'the connection is reset before any header, every time',
    source: { simulator: { 'x-sim-fault': 'reset' } },
    expected: BOTH(
      FAILED(httpFailure('network error calling {provider} at POST {url}: fetch failed: read ECONNRESET', 3), 3, {
        under: 10_000,
      }),
    ),
  },
  {
    id: 'cut',
    fault:
      'the body stops half-way and the connection drops (streams: half the frames; JSON: half the body, the full `content-length` announced)',
    source: { simulator: { 'x-sim-fault': 'cut' } },
    expected: {
      completion: FAILED(CUT_ERROR, 1, { under: 5_000 }),
      stream: FAILED(CUT_ERROR, 1, { under: 5_000 }, CUT_TEXT),
    },
  },
  {
    id: 'malformed',
    fault: 'a frame that is not JSON half-way through the stream (JSON: a body cut half-way, status 200)',
    source: { simulator: { 'x-sim-fault': 'malformed' } },
    expected: {
      completion: FAILED(
        {
          name: 'CompletionError.Json',
          kind: 'json',
          isRetryable: false,
          message: {
            pattern:
              '^\\{provider\\} answered POST \\{url\\} with a body that is not JSON \\(content-type \\{jsonContentType\\}\\): [\\s\\S]{1,200}$',
            means:
              '{provider} answered POST {url} with a body that is not JSON (content-type {jsonContentType}): <the body’s first 200 characters or fewer>',
          },
        },
        1,
        { under: 5_000 },
      ),
      stream: FAILED(
        {
          name: 'CompletionError.Response',
          kind: 'response',
          reason: 'malformed',
          isRetryable: false,
          message: { exact: 'stream sent a frame that is not valid JSON: <the frame>' },
          messageByWire: {
            'openai-responses': NOT_JSON('{"type":"response.output_text.delta","delta":'),
            'openai-chat': NOT_JSON(
              '{"id":"chatcmpl-malformed","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"',
            ),
            anthropic: NOT_JSON('{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":'),
            gemini: NOT_JSON('{"candidates": [{"content": {"parts": [{"text": '),
            ollama: NOT_JSON('{"model":"malformed","message":{"role":"assistant","content":'),
          },
        },
        1,
        { under: 5_000 },
        CUT_TEXT,
      ),
    },
  },
  {
    id: 'no-end',
    fault:
      'the stream ends without its end event (`[DONE]`, `response.completed`, `message_stop`, the `finishReason` frame, `done: true`)',
    source: { simulator: { 'x-sim-fault': 'no-end' } },
    expected: {
      stream: FAILED(
        {
          name: 'CompletionError.Response',
          kind: 'response',
          reason: 'truncated',
          isRetryable: false,
          message: { exact: 'stream ended before the provider signalled completion (truncated response)' },
        },
        1,
        { under: 5_000 },
        'all-text',
      ),
    },
  },
  {
    id: 'html',
    fault: 'HTTP 502 with an nginx HTML error page, every time',
    source: { simulator: { 'x-sim-fault': 'html' } },
    expected: failedEveryRetry(502, 'Bad Gateway', HTML_PAGE, { headers: { 'content-type': 'text/html' } }),
  },
  {
    id: 'wrong-content-type',
    fault: 'HTTP 200 with `content-type: text/plain` and the body `OK`',
    source: { loopback: 'text-plain-ok' },
    expected: notJsonNorStream('text/plain'),
  },
  {
    id: 'body-50mb',
    fault: 'HTTP 200 with a 50 MB body: the answer’s text fills it (streamed, in one frame of up to 50 MB)',
    source: { inflate: { marker: 'BIGBODY', bodyBytes: 50 * MB } },
    prompt: 'BIGBODY',
    heavy: true,
    expected: BOTH_ANSWER(1, { under: 30_000 }),
  },
  {
    id: 'error-body-50mb',
    fault: 'HTTP 500 with a 50 MB HTML body, every time',
    source: { loopback: 'html-50mb-500' },
    expected: failedEveryRetry(
      500,
      'Internal Server Error',
      `<html><body>${'x'.repeat(300 - '<html><body>'.length)}`,
      { bodyLength: 65_536 + '…[truncated]'.length },
      15_000,
    ),
  },
  {
    id: 'endless-json',
    fault: 'HTTP 200 with a JSON body that never ends (1 MiB pieces until the client stops reading)',
    source: { loopback: 'endless-json-200' },
    heavy: true,
    expected: {
      completion: FAILED(
        {
          name: 'CompletionError.Response',
          kind: 'response',
          reason: 'unexpected',
          isRetryable: false,
          message: { exact: '{provider} answered POST {url} with a body over 67108864 bytes (not read further)' },
        },
        1,
        { under: 30_000 },
      ),
    },
  },
  {
    id: 'endless-event',
    fault: 'HTTP 200 stream whose first event never ends (1 MiB pieces until the client stops reading)',
    source: { loopback: 'endless-event-200' },
    heavy: true,
    expected: {
      stream: FAILED(
        {
          name: 'CompletionError.Response',
          kind: 'response',
          reason: 'malformed',
          isRetryable: false,
          message: { exact: 'stream sent over 67108864 characters without completing an event' },
        },
        1,
        { under: 30_000 },
      ),
    },
  },
  {
    id: 'slow-headers',
    // 2 s, not 1 s: on a loaded machine a 1 s limit sometimes fired before the request reached the simulator.
    fault: 'the headers come after 10 s; the client’s `timeoutMs` is 2 s',
    source: { simulator: { 'x-sim-fault': 'slow-first-byte', 'x-sim-delay-ms': '10000' } },
    settings: { timeoutMs: 2_000 },
    expected: BOTH(FAILED(TIMED_OUT, 1, { atLeast: 1_950, under: 8_000 })),
  },
  {
    id: 'stall',
    fault: 'the headers, then silence; the client’s `idleTimeoutMs` is 500 ms and `timeoutMs` 2 s',
    source: { simulator: { 'x-sim-fault': 'stall' } },
    settings: { timeoutMs: 2_000, idleTimeoutMs: 500 },
    expected: { completion: FAILED(TIMED_OUT, 1, { atLeast: 1_950, under: 8_000 }) },
  },
  {
    id: 'stall-stream',
    // `timeoutMs` well above the idle limit: on a loaded machine the headers alone may take longer than 500 ms, and the
    // subject here is the idle timeout, not which of the two limits fires first.
    fault: 'the headers, then silence, while streaming; the client’s `idleTimeoutMs` is 500 ms and `timeoutMs` 10 s',
    source: { simulator: { 'x-sim-fault': 'stall' } },
    settings: { timeoutMs: 10_000, idleTimeoutMs: 500 },
    expected: {
      stream: FAILED(httpFailure('stream idle timeout: no data from the provider for 500 ms (idleTimeoutMs)'), 1, {
        atLeast: 450,
        under: 4_000,
      }),
    },
  },
  {
    id: 'abort-retry-wait',
    fault: 'the caller aborts at a random moment while a 429’s `retry-after: 1` is waited out',
    source: simulated429('1', 1),
    abort: { fromMs: 100, toMs: 800, points: 3 },
    // An abort may come before the request is out, on a loaded machine.
    expected: BOTH(ABORTED()),
  },
  {
    id: 'abort-stream',
    fault: 'the caller aborts at a random moment of a slow stream (25 ms between frames)',
    source: { simulator: { 'x-sim-delay-ms': '25' } },
    abort: { fromMs: 30, toMs: 300, points: 3 },
    expected: { stream: ABORTED('prefix') },
  },
  {
    id: 'echo-key-401',
    fault: 'HTTP 401 whose body and an `x-echo-key` header repeat the API key the client sent',
    source: { loopback: 'echo-key-401' },
    expected: keyEchoedUnauthorized({ headers: { 'x-echo-key': '[REDACTED]' } }),
  },
];

/** The content type each wire gives its JSON bodies (as the simulator sends them). */
export const JSON_CONTENT_TYPES: Readonly<Record<Wire, string>> = {
  'openai-responses': 'application/json',
  'openai-chat': 'application/json',
  anthropic: 'application/json',
  gemini: 'application/json; charset=UTF-8',
  ollama: 'application/json; charset=utf-8',
};

/** One cell: a row, a provider, a call mode. */
export interface MatrixCell {
  name: string;
  row: FaultCase;
  provider: ProviderUnderTest;
  mode: CallMode;
  expectation: Expectation;
}

/** Every cell of a matrix (the fault matrix unless `rows` says otherwise), in table order. */
export function matrixCells(
  providers: readonly ProviderUnderTest[],
  rows: readonly FaultCase[] = FAULT_MATRIX,
): MatrixCell[] {
  const cells: MatrixCell[] = [];
  for (const row of rows) {
    for (const mode of CALL_MODES) {
      const expectation = row.expected[mode];
      if (expectation === undefined) continue;
      for (const provider of providers)
        cells.push({ name: `${row.id} · ${provider.id} · ${mode}`, row, provider, mode, expectation });
    }
  }
  return cells;
}

/** The call modes, in table order. */
export const CALL_MODES: readonly CallMode[] = ['completion', 'stream'];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The values a message template names. */
export interface MessageValues {
  provider: string;
  url: string;
  jsonContentType: string;
}

/** The message a spec expects for these values: the exact text, or a regular expression. */
export function expectedMessage(spec: MessageSpec, values: MessageValues): string | RegExp {
  if ('exact' in spec)
    return spec.exact.replace(
      /\{(provider|url|jsonContentType)\}/g,
      (_match, name: keyof MessageValues) => values[name],
    );
  return new RegExp(
    spec.pattern.replace(/\\\{(provider|url|jsonContentType)\\\}/g, (_match, name: keyof MessageValues) =>
      escapeRegExp(values[name]),
    ),
  );
}

/** The message spec of an error for a wire. */
export function messageFor(error: ExpectedError, wire: Wire): MessageSpec {
  return error.messageByWire?.[wire] ?? error.message;
}

/** The partial text expected for a wire. */
export function partialTextFor(partial: PartialText, wire: Wire): string {
  return partial.byWire?.[wire] ?? partial.text;
}
