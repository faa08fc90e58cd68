import type { CompletionResponse, StreamedAssistantContent, Usage } from '@rig-ts/core';
import { startSimulator } from '@rig-ts/testkit/simulator';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { MATRIX_SETTINGS, type FaultCase, type LoopbackReply } from './fault-matrix.js';
import type { CallMode, ClientSettings, ProviderUnderTest } from './providers.js';
import { credentialOf } from './test-utils/canary.js';
import {
  startFaultServer,
  type FaultHandler,
  type FaultRequest,
  type ServerConnections,
} from './test-utils/fault-server.js';
import { cellServer, forwardingServer } from './test-utils/transport-fault-servers.js';
import { startRewriteServer } from './wire-rewrite.js';

/** What one cell of the matrix did, as the client and the server saw it. */
export interface CellObservation {
  /** The server root the client talked to. */
  root: string;
  /** Requests the server received. */
  attempts: number;
  /** The credentials those requests carried. */
  credentials: (string | undefined)[];
  elapsedMs: number;
  /** The answer, when the call succeeded. */
  response: CompletionResponse | undefined;
  /** What the call (or the iteration of its stream) rejected with; `undefined` on success. */
  error: unknown;
  /** Stream items delivered before the end. */
  items: StreamedAssistantContent[];
  /** For streams: what `final` settled with after the iteration, and `usage()`. */
  finalError: unknown;
  streamUsage: Usage | undefined;
  /** The reason the caller aborted with, when it did before the call settled. */
  abortReason: unknown;
  /** Ms from the caller's abort until the call settled, when it aborted before. */
  afterAbortMs: number | undefined;
  /** Server-side connections once the call settled and the client had a moment to let go. */
  connections: ServerConnections;
  /** For inflated bodies: how many `x` replaced the marker. */
  fillerLength: number | undefined;
}

/** Options of one run of a cell. */
export interface CellRunOptions {
  apiKey: string;
  /** Abort after this many ms. */
  abortAtMs?: number;
  /** The `fetch` the client uses (a recorder). */
  fetch?: typeof globalThis.fetch;
  /** Runs the call some other way (through an agent); returns what it observed. */
  call?: (context: CallContext) => Promise<CallResult>;
  /** The size of the huge bodies (the rows' `bodyBytes`, and the 50 MB error page), when smaller. */
  hugeBytes?: number;
}

/** What a custom call gets. */
export interface CallContext {
  provider: ProviderUnderTest;
  mode: CallMode;
  root: string;
  settings: ClientSettings;
  prompt: string;
  headers: { [name: string]: string };
  signal: AbortSignal;
}

/** What a call produced. */
export interface CallResult {
  response: CompletionResponse | undefined;
  error: unknown;
  items: StreamedAssistantContent[];
  finalError: unknown;
  streamUsage: Usage | undefined;
}

/** A call's result before the call: no answer, no error, no items. */
export function emptyCallResult(): CallResult {
  return { response: undefined, error: undefined, items: [], finalError: undefined, streamUsage: undefined };
}

const HUGE_PAGES = new Map<number, Buffer>();

/** An HTML page of `bytes` bytes, made once per size. */
function hugePage(bytes: number): Buffer {
  let page = HUGE_PAGES.get(bytes);
  if (page === undefined) {
    page = Buffer.from(`<html><body>${'x'.repeat(bytes - '<html><body>'.length)}`);
    HUGE_PAGES.set(bytes, page);
  }
  return page;
}

/** Writes `head`, then 1 MiB pieces of `x` for as long as the client reads them (never ending the body). */
function writeWithoutEnd(response: ServerResponse, head: string): void {
  const piece = Buffer.alloc(1024 * 1024, 'x');
  response.write(head);
  const pump = (): void => {
    while (!response.destroyed && !response.writableEnded) {
      if (!response.write(piece)) {
        response.once('drain', pump);
        return;
      }
    }
  };
  pump();
}

function loopbackHandler(reply: LoopbackReply, hugeBytes: number): FaultHandler {
  return (request: FaultRequest, response: ServerResponse) => {
    switch (reply) {
      case 'endless-json-200':
        response.writeHead(200, { 'content-type': 'application/json' });
        writeWithoutEnd(response, '{"id":"');
        return;
      case 'endless-event-200':
        if (request.url.startsWith('/api/')) {
          response.writeHead(200, { 'content-type': 'application/x-ndjson' });
          writeWithoutEnd(response, '{"message":{"role":"assistant","content":"');
        } else {
          response.writeHead(200, { 'content-type': 'text/event-stream' });
          writeWithoutEnd(response, 'data: {"text":"');
        }
        return;
      case 'text-plain-ok':
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.end('OK');
        return;
      case 'html-50mb-500':
        response.writeHead(500, { 'content-type': 'text/html' });
        response.end(hugePage(hugeBytes));
        return;
      case 'echo-key-401': {
        const key = credentialOf(request.headers) ?? '';
        const body = {
          error: {
            message: `Incorrect API key provided: ${key}. You can find your API key in your account settings.`,
            type: 'invalid_request_error',
            param: null,
            code: 'invalid_api_key',
          },
        };
        response.writeHead(401, { 'content-type': 'application/json', 'x-echo-key': key });
        response.end(JSON.stringify(body));
      }
    }
  };
}

/** The servers one cell talks to, as a row's source starts them. */
export interface CellServer {
  /** Where the client is pointed. */
  root: string;
  /** Headers every call of the cell sends (the simulator's `x-sim-*`). */
  headers: { [name: string]: string };
  /** Every request received, on every server of the cell. */
  requests(): { headers: { [name: string]: string | string[] | undefined } }[];
  /** Connections summed over every server of the cell. */
  connections(): ServerConnections;
  fillerLength(): number | undefined;
  close(): Promise<void>;
}

async function startCellServer(row: FaultCase, hugeBytes: number | undefined): Promise<CellServer> {
  const source = row.source;
  if ('server' in source) return source.server();
  if ('simulator' in source) {
    const simulator = await startSimulator();
    return cellServer(simulator.url, [simulator], source.simulator);
  }
  if ('rewrite' in source) return startRewriteServer(source.rewrite);
  if ('loopback' in source) {
    const server = await startFaultServer(loopbackHandler(source.loopback, hugeBytes ?? 50 * 1024 * 1024));
    return cellServer(server.url, [server]);
  }
  const marker = source.inflate.marker;
  const bodyBytes = Math.min(source.inflate.bodyBytes, hugeBytes ?? Infinity);
  let fillerLength: number | undefined;
  const server = await forwardingServer((answer, response) => {
    const text = answer.body.toString('utf8');
    const pieces = text.split(marker);
    const occurrences = pieces.length - 1;
    if (occurrences === 0) throw new Error(`the simulator's answer does not contain the marker ${marker}`);
    const size = Math.floor((bodyBytes - (Buffer.byteLength(text) - occurrences * marker.length)) / occurrences);
    fillerLength = size;
    // Written as buffers (the filler made once, by memset), not as one string of 50 MB to encode.
    const fill = Buffer.alloc(size, 'x');
    response.writeHead(answer.status, { 'content-type': answer.contentType });
    pieces.forEach((piece, index) => {
      if (index > 0) response.write(fill);
      response.write(piece);
    });
    response.end();
  });
  return { ...server, fillerLength: () => fillerLength };
}

/** Calls the model directly: `completion()`, or `stream()` iterated to the end. */
async function callModel(context: CallContext): Promise<CallResult> {
  const model = context.provider.model(context.root, context.settings);
  const request = model.completionRequest(context.prompt).build();
  const options = { headers: context.headers, signal: context.signal };
  const result = emptyCallResult();
  if (context.mode === 'completion') {
    try {
      result.response = await model.completion(request, options);
    } catch (error) {
      result.error = error;
    }
    return result;
  }
  let stream;
  try {
    stream = await model.stream(request, options);
  } catch (error) {
    result.error = error;
    return result;
  }
  try {
    for await (const item of stream) result.items.push(item);
    result.response = await stream.final;
  } catch (error) {
    result.error = error;
    result.finalError = await stream.final.then(
      () => undefined,
      (caught: unknown) => caught,
    );
  }
  result.streamUsage = stream.usage();
  return result;
}

async function settled(connections: () => ServerConnections, withinMs: number): Promise<ServerConnections> {
  const deadline = Date.now() + withinMs;
  while (connections().active > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  return connections();
}

/** Runs one cell: a fresh server with the row's fault, a fresh client with the canary key, one call. */
export async function runFaultCell(
  row: FaultCase,
  provider: ProviderUnderTest,
  mode: CallMode,
  options: CellRunOptions,
): Promise<CellObservation> {
  const server = await startCellServer(row, options.hugeBytes);
  try {
    const settings: ClientSettings = {
      apiKey: options.apiKey,
      ...MATRIX_SETTINGS,
      ...row.settings,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    };
    const controller = new AbortController();
    let abortReason: unknown;
    let abortedAt: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let done = false;
    if (options.abortAtMs !== undefined) {
      const reason = new Error(`the caller gave up after ${options.abortAtMs} ms`);
      timer = setTimeout(() => {
        if (done) return;
        abortReason = reason;
        abortedAt = performance.now();
        controller.abort(reason);
      }, options.abortAtMs);
    }
    const started = performance.now();
    const result = await (options.call ?? callModel)({
      provider,
      mode,
      root: server.root,
      settings,
      prompt: row.prompt ?? 'hello world',
      headers: server.headers,
      signal: controller.signal,
    });
    const settledAt = performance.now();
    const elapsedMs = settledAt - started;
    done = true;
    clearTimeout(timer);
    const connections = await settled(() => server.connections(), 2_000);
    const requests = server.requests();
    return {
      root: server.root,
      attempts: requests.length,
      credentials: requests.map((request) => credentialOf(request.headers)),
      elapsedMs,
      ...result,
      abortReason,
      afterAbortMs: abortedAt === undefined ? undefined : settledAt - abortedAt,
      connections,
      fillerLength: server.fillerLength(),
    };
  } finally {
    await server.close();
  }
}

/** A fault-free call of each mode: what every `answer` outcome must equal. */
export interface ReferenceAnswer {
  completion: CompletionResponse;
  items: StreamedAssistantContent[];
  streamed: CompletionResponse;
}

/** The fault-free answers of `provider` to `prompt`, from a simulator of its own. */
export async function referenceAnswer(
  provider: ProviderUnderTest,
  prompt: string,
  apiKey: string,
): Promise<ReferenceAnswer> {
  const simulator = await startSimulator();
  try {
    const model = provider.model(simulator.url, { apiKey, ...MATRIX_SETTINGS });
    const completion = await model.completion(model.completionRequest(prompt).build());
    const stream = await model.stream(model.completionRequest(prompt).build());
    const items: StreamedAssistantContent[] = [];
    for await (const item of stream) items.push(item);
    return { completion, items, streamed: await stream.final };
  } finally {
    await simulator.close();
  }
}
