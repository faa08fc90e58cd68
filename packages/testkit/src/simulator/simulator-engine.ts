import { answerConversation } from './answer-conversation.js';
import { clientFaultBody } from './client-fault-body.js';
import { ALPHANUMERIC, HEX, IdSource } from './id-source.js';
import { parseAnthropicRequest } from './parse-anthropic-request.js';
import { parseGeminiRequest } from './parse-gemini-request.js';
import { parseOllamaRequest } from './parse-ollama-request.js';
import { parseOpenAIChatRequest } from './parse-openai-chat-request.js';
import { parseOpenAIResponsesRequest } from './parse-openai-responses-request.js';
import { parseModelFault } from './parse-model-fault.js';
import { HTML_ERROR_PAGE, providerErrorBody } from './provider-error-body.js';
import {
  readSimulatorSettings,
  SIMULATOR_FAULTS,
  type SimulatorFault,
  type SimulatorSettings,
} from './read-simulator-settings.js';
import { renderAnthropicResponse, renderAnthropicStream } from './render-anthropic.js';
import type { RenderContext, WireStream } from './render-context.js';
import { renderGeminiResponse, renderGeminiStream } from './render-gemini.js';
import { renderOllamaResponse, renderOllamaStream } from './render-ollama.js';
import { renderOpenAIChatResponse, renderOpenAIChatStream } from './render-openai-chat.js';
import { renderOpenAIResponsesResponse, renderOpenAIResponsesStream } from './render-openai-responses.js';
import { SimRequestError, type SimConversation, type SimulatorApi } from './sim-conversation.js';

/** Settings of a simulator. */
export interface SimulatorOptions {
  /** Characters per streamed text delta when a request sets no `x-sim-chunk-size`. @default word by word */
  chunkSize?: number;
  /** Pause between streamed frames, in ms, when a request sets no `x-sim-delay-ms`. @default 0 */
  delayMs?: number;
  /** The clock, for `created` timestamps and HTTP dates. @default Date.now */
  now?: () => number;
  /** How long a batch runs before it ends, in ms, when its create request sets no `x-sim-batch-delay-ms`. @default 1000 */
  batchDelayMs?: number;
}

/** What extra routes (the batch APIs) get from the engine: its settings and clock, the request log, and its answers. */
export interface SimulatorRoutesContext {
  readonly options: SimulatorOptions;
  now(): number;
  /** Every API request received, in order: routes record theirs here. */
  readonly requests: SimulatorRecord[];
  /** The answer `api` gives `body` sent alone and not streamed (status and JSON body), with the model name's faults. */
  answer(
    api: SimulatorApi,
    body: { [key: string]: unknown },
    model: string | undefined,
    seed: string,
  ): { status: number; body: unknown };
  /** A reply with CORS headers and the content length. */
  reply(status: number, headers: { [name: string]: string }, body: string): SimulatorReply;
}

/** Routes the engine tries before its own (`undefined`: not theirs); `reset()` forgets their state. */
export interface SimulatorRoutes {
  handle(request: SimulatorRequest): SimulatorReply | undefined;
  reset(): void;
}

/** Makes {@link SimulatorRoutes} for an engine (the batch APIs: `simulatorBatchRoutes`). */
export type SimulatorRoutesFactory = (context: SimulatorRoutesContext) => SimulatorRoutes;

/** A request as the simulator receives it. */
export interface SimulatorRequest {
  method: string;
  /** Path and query, e.g. `/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse`. */
  url: string;
  headers: { [name: string]: string | string[] | undefined };
  body: string;
  /** Where the request was sent (`http://host:port`), for the absolute URLs some answers hold; else its Host header's. */
  origin?: string;
}

/** How to answer a request: the transport (node:http or an in-process fetch) carries it out. */
export interface SimulatorReply {
  /** Drop the connection abruptly before any header (the `reset` fault). */
  reset: boolean;
  status: number;
  headers: { [name: string]: string };
  /** Body pieces, sent in order. */
  chunks: string[];
  /** Pause before the status line and headers, in ms. */
  firstByteDelayMs: number;
  /** Pause between two body pieces, in ms. */
  chunkDelayMs: number;
  /** After the pieces: end the body, drop the connection (a cut), or send nothing more (a stall). */
  ending: 'end' | 'drop' | 'stall';
}

/** One request the simulator received. */
export interface SimulatorRecord {
  method: string;
  /** Path and query. */
  url: string;
  /** Header names lower-cased. */
  headers: { [name: string]: string };
  /** The parsed JSON body (the raw text when it is not JSON; `undefined` when empty). */
  body: unknown;
  /** The API the path belongs to. */
  api: SimulatorApi | undefined;
  model: string | undefined;
  stream: boolean;
  /** The fault injected into the answer, if any. */
  fault: SimulatorFault | undefined;
}

interface Route {
  api: SimulatorApi;
  model: string | undefined;
  /** Gemini says it in the path; the others in the body. */
  stream: boolean | undefined;
  sse: boolean;
}

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'x-request-id, request-id, retry-after, retry-after-ms, x-sim-fault',
};
const ALLOWED_HEADERS =
  'authorization, content-type, x-api-key, x-goog-api-key, api-key, anthropic-version, anthropic-beta, anthropic-dangerous-direct-browser-access, openai-organization, openai-project, x-sim-fault, x-sim-fault-count, x-sim-chunk-size, x-sim-delay-ms, x-sim-retry-after, x-sim-batch-delay-ms, x-sim-batch-fail, x-sim-batch-outcome, x-goog-upload-protocol, x-goog-upload-command, x-goog-upload-offset, x-goog-upload-header-content-length, x-goog-upload-header-content-type';
const FAULT_MESSAGES: { [status: number]: string } = {
  429: 'Rate limit exceeded (simulated fault 429)',
  500: 'Internal server error (simulated fault 500)',
  502: 'Bad gateway (simulated fault 502)',
  503: 'Service unavailable (simulated fault 503)',
  529: 'Overloaded (simulated fault 529)',
};
const OLLAMA_MODELS = ['sim-llama', 'sim-think'];
const encoder = new TextEncoder();

function route(method: string, path: string, search: URLSearchParams): Route | undefined {
  if (method !== 'POST') return undefined;
  if (path === '/v1/chat/completions') return { api: 'openai-chat', model: undefined, stream: undefined, sse: true };
  if (path === '/v1/responses') return { api: 'openai-responses', model: undefined, stream: undefined, sse: true };
  if (path === '/v1/messages') return { api: 'anthropic', model: undefined, stream: undefined, sse: true };
  if (path === '/api/chat') return { api: 'ollama', model: undefined, stream: undefined, sse: false };
  const gemini = /^\/(?:v1beta|v1)\/models\/([^/:]+):(generateContent|streamGenerateContent)$/.exec(path);
  if (gemini !== null) {
    const stream = gemini[2] === 'streamGenerateContent';
    let model: string;
    try {
      model = decodeURIComponent(gemini[1]!);
    } catch {
      model = gemini[1]!;
    }
    return { api: 'gemini', model, stream, sse: stream && search.get('alt') === 'sse' };
  }
  return undefined;
}

function parse(api: SimulatorApi, body: { [key: string]: unknown }, target: Route): SimConversation {
  switch (api) {
    case 'openai-chat':
      return parseOpenAIChatRequest(body);
    case 'openai-responses':
      return parseOpenAIResponsesRequest(body);
    case 'anthropic':
      return parseAnthropicRequest(body);
    case 'gemini':
      return parseGeminiRequest(body, target.model!, target.stream!);
    case 'ollama':
      return parseOllamaRequest(body);
  }
}

/** The content type each API gives its JSON bodies. */
function jsonContentType(api: SimulatorApi): string {
  return api === 'gemini'
    ? 'application/json; charset=UTF-8'
    : api === 'ollama'
      ? 'application/json; charset=utf-8'
      : 'application/json';
}

function byteLength(text: string): string {
  return String(encoder.encode(text).length);
}

/**
 * The provider simulator, independent of any transport: it turns each request into a {@link SimulatorReply} in the
 * real wire format of its API, recording the request and keeping the per-fault counters.
 */
export class SimulatorEngine {
  /** Every API request received, in order. */
  readonly requests: SimulatorRecord[] = [];
  readonly #faultCounts = new Map<string, number>();
  readonly #options: SimulatorOptions;
  readonly #routes: SimulatorRoutes | undefined;
  #requestNumber = 0;

  constructor(options: SimulatorOptions = {}, routes?: SimulatorRoutesFactory) {
    this.#options = options;
    this.#routes = routes?.({
      options,
      now: () => this.#now(),
      requests: this.requests,
      answer: (api, body, model, seed) => this.#answerAlone(api, body, model, seed),
      reply: (status, headers, body) => this.#reply(status, headers, body),
    });
  }

  /** Forgets the recorded requests, the fault counters and the id sequence (and the extra routes' state). */
  reset(): void {
    this.requests.length = 0;
    this.#faultCounts.clear();
    this.#requestNumber = 0;
    this.#routes?.reset();
  }

  #answerAlone(
    api: SimulatorApi,
    body: { [key: string]: unknown },
    model: string | undefined,
    seed: string,
  ): { status: number; body: unknown } {
    const target: Route = { api, model, stream: false, sse: false };
    const fault = readSimulatorSettings({}, model ?? (typeof body.model === 'string' ? body.model : undefined)).fault;
    if (fault !== undefined && FAULT_MESSAGES[Number(fault)] !== undefined)
      return {
        status: Number(fault),
        body: JSON.parse(providerErrorBody(api, Number(fault), FAULT_MESSAGES[Number(fault)]!)),
      };
    try {
      const answer = answerConversation(parse(api, { ...body, stream: false }, target));
      return {
        status: 200,
        body: this.#render(target, answer, { body, ids: new IdSource(seed), now: this.#now(), chunkSize: undefined }),
      };
    } catch (error) {
      if (!(error instanceof SimRequestError)) throw error;
      return {
        status: error.status,
        body: JSON.parse(providerErrorBody(api, error.status, error.message, { param: error.param })),
      };
    }
  }

  handle(request: SimulatorRequest): SimulatorReply {
    const headers: { [name: string]: string } = {};
    for (const [name, value] of Object.entries(request.headers))
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    const url = new URL(request.url, 'http://simulator.invalid');
    const method = request.method.toUpperCase();
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
    if (method === 'OPTIONS') {
      return this.#reply(
        204,
        {
          'access-control-allow-methods': 'GET, POST, OPTIONS',
          'access-control-allow-headers': headers['access-control-request-headers'] ?? ALLOWED_HEADERS,
          'access-control-max-age': '86400',
        },
        '',
      );
    }
    if (method === 'GET' && path === '/')
      return this.#reply(200, { 'content-type': 'text/plain; charset=utf-8' }, 'Ollama is running');
    if (method === 'GET' && path === '/api/version') return this.#json(200, { version: '0.12.6' });
    if (method === 'GET' && path === '/api/tags')
      return this.#json(200, { models: OLLAMA_MODELS.map((name) => this.#tag(name)) });
    const extra = this.#routes?.handle({ ...request, method, headers });
    if (extra !== undefined) return extra;
    const target = route(method, path, url.searchParams);
    if (target === undefined) return this.#notFound(method, path);
    const ids = new IdSource(`rig-sim:${++this.#requestNumber}`);
    const requestId =
      target.api === 'anthropic'
        ? ids.id('req_011C', 20, ALPHANUMERIC)
        : target.api.startsWith('openai')
          ? ids.id('req_', 32, HEX)
          : undefined;
    const idHeaders: { [name: string]: string } =
      requestId === undefined ? {} : { [target.api === 'anthropic' ? 'request-id' : 'x-request-id']: requestId };
    const record: SimulatorRecord = {
      method,
      url: path + url.search,
      headers,
      body: undefined,
      api: target.api,
      model: target.model,
      stream: target.stream ?? false,
      fault: undefined,
    };
    this.requests.push(record);
    let body: { [key: string]: unknown };
    try {
      record.body = request.body === '' ? undefined : (JSON.parse(request.body) as unknown);
      if (typeof record.body !== 'object' || record.body === null || Array.isArray(record.body))
        throw new SyntaxError('the body is not a JSON object');
      body = record.body as { [key: string]: unknown };
    } catch {
      if (record.body === undefined && request.body !== '') record.body = request.body;
      return this.#error(
        target.api,
        400,
        'We could not parse the JSON body of your request: it is not a JSON object.',
        { ...idHeaders },
        requestId,
      );
    }
    if (target.model === undefined && typeof body.model === 'string') record.model = body.model;
    if (target.stream === undefined)
      record.stream = target.api === 'ollama' ? body.stream !== false : body.stream === true;
    let settings: SimulatorSettings;
    try {
      settings = readSimulatorSettings(headers, record.model);
    } catch (error) {
      return this.#error(
        target.api,
        400,
        (error as Error).message,
        idHeaders,
        requestId,
        undefined,
        (error as SimRequestError).param,
      );
    }
    const fault = this.#activeFault(settings, record.model);
    record.fault = fault;
    const faultHeaders = fault === undefined ? idHeaders : { ...idHeaders, 'x-sim-fault': fault };
    switch (fault) {
      case '400':
      case '401':
      case '404': {
        const model =
          record.model === undefined ? '' : (parseModelFault(record.model, SIMULATOR_FAULTS)?.model ?? record.model);
        const { status, body } = clientFaultBody(fault, { api: target.api, model, path, requestId });
        return this.#reply(status, { ...faultHeaders, 'content-type': jsonContentType(target.api) }, body);
      }
      case '429':
        return this.#error(
          target.api,
          429,
          FAULT_MESSAGES[429]!,
          { ...faultHeaders, ...this.#retryHeaders(settings.retryAfter ?? '1') },
          requestId,
          settings.retryAfter,
        );
      case '500':
      case '502':
      case '503':
      case '529': {
        const status = Number(fault);
        const retry = settings.retryAfter === undefined ? {} : this.#retryHeaders(settings.retryAfter);
        return this.#error(target.api, status, FAULT_MESSAGES[status]!, { ...faultHeaders, ...retry }, requestId);
      }
      case 'html':
        return this.#reply(502, { ...faultHeaders, 'content-type': 'text/html' }, HTML_ERROR_PAGE);
      case 'reset':
        return { ...this.#reply(0, {}, ''), reset: true };
      default:
        break;
    }
    if (target.api === 'anthropic' && headers['anthropic-version'] === undefined) {
      return this.#error(target.api, 400, 'anthropic-version: header is required', faultHeaders, requestId);
    }
    let conversation: SimConversation;
    let answer: ReturnType<typeof answerConversation>;
    try {
      conversation = parse(target.api, body, target);
      answer = answerConversation(conversation);
    } catch (error) {
      if (!(error instanceof SimRequestError)) throw error;
      return this.#error(target.api, error.status, error.message, faultHeaders, requestId, undefined, error.param);
    }
    if (target.api === 'ollama' && conversation.messages.length === 0) {
      return this.#json(
        200,
        {
          model: conversation.model,
          created_at: new Date(this.#now()).toISOString(),
          message: { role: 'assistant', content: '' },
          done_reason: 'load',
          done: true,
        },
        faultHeaders,
      );
    }
    const context: RenderContext = {
      body,
      ids,
      now: this.#now(),
      chunkSize: settings.chunkSize ?? this.#options.chunkSize,
    };
    const delayMs = settings.delayMs ?? this.#options.delayMs ?? 0;
    if (!conversation.stream) {
      const text =
        target.api === 'gemini'
          ? JSON.stringify(this.#render(target, answer, context), null, 2)
          : JSON.stringify(this.#render(target, answer, context));
      const reply = this.#reply(200, { ...faultHeaders, 'content-type': jsonContentType(target.api) }, text);
      return this.#withFault(reply, fault, settings.delayMs);
    }
    const stream = this.#renderStream(target, answer, context);
    const contentType =
      target.api === 'ollama'
        ? 'application/x-ndjson'
        : target.api === 'gemini'
          ? target.sse
            ? 'text/event-stream'
            : jsonContentType('gemini')
          : 'text/event-stream; charset=utf-8';
    const reply: SimulatorReply = {
      reset: false,
      status: 200,
      headers: { ...CORS_HEADERS, ...faultHeaders, 'content-type': contentType, 'cache-control': 'no-cache' },
      chunks: stream.frames,
      firstByteDelayMs: 0,
      chunkDelayMs: delayMs,
      ending: 'end',
    };
    return this.#withStreamFault(reply, stream, fault, target, settings.delayMs);
  }

  #now(): number {
    return (this.#options.now ?? Date.now)();
  }

  /** The fault for this request, counting requests per fault and model when limited by a count. */
  #activeFault(settings: SimulatorSettings, model: string | undefined): SimulatorFault | undefined {
    if (settings.fault === undefined) return undefined;
    if (settings.faultCount === undefined) return settings.fault;
    const key = `${settings.fault}|${model ?? ''}`;
    const seen = (this.#faultCounts.get(key) ?? 0) + 1;
    this.#faultCounts.set(key, seen);
    return seen <= settings.faultCount ? settings.fault : undefined;
  }

  #render(target: Route, answer: ReturnType<typeof answerConversation>, context: RenderContext): unknown {
    switch (target.api) {
      case 'openai-chat':
        return renderOpenAIChatResponse(answer, context);
      case 'openai-responses':
        return renderOpenAIResponsesResponse(answer, context);
      case 'anthropic':
        return renderAnthropicResponse(answer, context);
      case 'gemini':
        return renderGeminiResponse(answer, context, target.model!);
      case 'ollama':
        return renderOllamaResponse(answer, context);
    }
  }

  #renderStream(target: Route, answer: ReturnType<typeof answerConversation>, context: RenderContext): WireStream {
    switch (target.api) {
      case 'openai-chat':
        return renderOpenAIChatStream(answer, context);
      case 'openai-responses':
        return renderOpenAIResponsesStream(answer, context);
      case 'anthropic':
        return renderAnthropicStream(answer, context);
      case 'gemini':
        return renderGeminiStream(answer, context, target.model!, target.sse);
      case 'ollama':
        return renderOllamaStream(answer, context);
    }
  }

  #withFault(
    reply: SimulatorReply,
    fault: SimulatorFault | undefined,
    requestedDelayMs: number | undefined,
  ): SimulatorReply {
    const body = reply.chunks[0] ?? '';
    switch (fault) {
      case 'cut':
        // The full length is announced, half is sent, then the connection drops.
        return { ...reply, chunks: [body.slice(0, Math.floor(body.length / 2))], ending: 'drop' };
      case 'malformed': {
        const half = body.slice(0, Math.floor(body.length / 2));
        return { ...reply, headers: { ...reply.headers, 'content-length': byteLength(half) }, chunks: [half] };
      }
      case 'stall':
        return { ...reply, headers: omitLength(reply.headers), chunks: [], ending: 'stall' };
      case 'slow-first-byte':
        return { ...reply, firstByteDelayMs: requestedDelayMs ?? 1000 };
      default:
        return reply;
    }
  }

  #withStreamFault(
    reply: SimulatorReply,
    stream: WireStream,
    fault: SimulatorFault | undefined,
    target: Route,
    requestedDelayMs: number | undefined,
  ): SimulatorReply {
    const middle = Math.max(1, Math.floor(stream.endFrom / 2));
    switch (fault) {
      case 'cut':
        return { ...reply, chunks: stream.frames.slice(0, middle), ending: 'drop' };
      case 'malformed':
        return {
          ...reply,
          chunks: [...stream.frames.slice(0, middle), malformedFrame(target), ...stream.frames.slice(middle)],
        };
      case 'no-end':
        return { ...reply, chunks: stream.frames.slice(0, stream.endFrom) };
      case 'stall':
        return { ...reply, chunks: [], ending: 'stall' };
      case 'slow-first-byte':
        return { ...reply, firstByteDelayMs: requestedDelayMs ?? 1000, chunkDelayMs: 0 };
      default:
        return reply;
    }
  }

  #retryHeaders(value: string): { [name: string]: string } {
    if (value === 'none') return {};
    if (value.endsWith('ms')) return { 'retry-after-ms': value.slice(0, -2) };
    if (value.startsWith('date')) {
      const seconds = value.includes(':') ? Number(value.slice(5)) : 1;
      return { 'retry-after': new Date(this.#now() + seconds * 1000).toUTCString() };
    }
    return { 'retry-after': value };
  }

  #error(
    api: SimulatorApi,
    status: number,
    message: string,
    headers: { [name: string]: string },
    requestId: string | undefined,
    retryAfter?: string,
    param?: string,
  ): SimulatorReply {
    const seconds = retryAfter === undefined ? 1 : Number(retryAfter);
    const body = providerErrorBody(api, status, message, {
      param,
      requestId,
      retryAfterSeconds: Number.isFinite(seconds) ? seconds : undefined,
    });
    return this.#reply(status, { ...headers, 'content-type': jsonContentType(api) }, body);
  }

  #notFound(method: string, path: string): SimulatorReply {
    if (path.startsWith('/v1beta'))
      return this.#reply(
        404,
        { 'content-type': 'application/json; charset=UTF-8' },
        providerErrorBody('gemini', 404, `Method not found: ${method} ${path}.`),
      );
    if (path.startsWith('/v1'))
      return this.#reply(
        404,
        { 'content-type': 'application/json' },
        providerErrorBody('openai-chat', 404, `Invalid URL (${method} ${path})`),
      );
    return this.#reply(404, { 'content-type': 'text/plain; charset=utf-8' }, '404 page not found');
  }

  #tag(name: string) {
    return {
      name: `${name}:latest`,
      model: `${name}:latest`,
      modified_at: '2025-01-01T00:00:00Z',
      size: 0,
      digest: new IdSource(name).text(64, HEX),
      details: {
        parent_model: '',
        format: 'gguf',
        family: 'simulator',
        families: ['simulator'],
        parameter_size: '0B',
        quantization_level: 'none',
      },
    };
  }

  #json(status: number, value: unknown, headers: { [name: string]: string } = {}): SimulatorReply {
    return this.#reply(
      status,
      { ...headers, 'content-type': 'application/json; charset=utf-8' },
      JSON.stringify(value),
    );
  }

  #reply(status: number, headers: { [name: string]: string }, body: string): SimulatorReply {
    const all: { [name: string]: string } = { ...CORS_HEADERS, ...headers };
    if (status !== 204) all['content-length'] = byteLength(body);
    return {
      reset: false,
      status,
      headers: all,
      chunks: body === '' ? [] : [body],
      firstByteDelayMs: 0,
      chunkDelayMs: 0,
      ending: 'end',
    };
  }
}

function omitLength(headers: { [name: string]: string }): { [name: string]: string } {
  const { 'content-length': _length, ...rest } = headers;
  return rest;
}

function malformedFrame(target: Route): string {
  switch (target.api) {
    case 'openai-chat':
      return 'data: {"id":"chatcmpl-malformed","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"\n\n';
    case 'openai-responses':
      return 'event: response.output_text.delta\ndata: {"type":"response.output_text.delta","delta":\n\n';
    case 'anthropic':
      return 'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":\n\n';
    case 'gemini':
      return target.sse
        ? 'data: {"candidates": [{"content": {"parts": [{"text": \r\n\r\n'
        : ',\r\n{"candidates": [{"content": ';
    case 'ollama':
      return '{"model":"malformed","message":{"role":"assistant","content":\n';
  }
}
