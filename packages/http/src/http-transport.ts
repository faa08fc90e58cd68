import { CompletionError, type CallOptions } from '@rig-ts/core';
import { invalidRequest, MAX_TIMER_MS } from '@rig-ts/core/internal';
import ky, { type NormalizedOptions } from 'ky';
import { CallScope } from './call-scope.js';
import { checkHeaders } from './check-headers.js';
import { checkTransportLimits } from './check-transport-limits.js';
import { missingApiKeyMessage } from './missing-api-key-message.js';
import { MAX_JSON_BODY_BYTES, readJsonBody } from './read-json-body.js';
import { Redactor } from './redactor.js';
import { backoffCapMs, RETRY_STATUS_CODES } from './retry-plan.js';
import { DEFAULT_TRANSPORT_SETTINGS, type TransportSettings } from './transport-settings.js';
import { ERROR_BODY_LIMIT, TransportCall } from './transport-call.js';

const AUTH_HEADER = {
  bearer: 'authorization',
  'x-api-key': 'x-api-key',
  'x-goog-api-key': 'x-goog-api-key',
  'api-key': 'api-key',
} as const;

/** A parsed JSON response. */
export interface JsonResponse<Body = unknown> {
  body: Body;
  /** The response headers (a redacted copy when one of them repeated the key). */
  headers: Headers;
  requestId: string | undefined;
}

/** A streaming response, ready for `@rig-ts/streaming`'s `createStreamingResponse`. */
export interface StreamCall {
  readonly body: ReadableStream<Uint8Array>;
  /** The response headers (a redacted copy when one of them repeated the key). */
  readonly headers: Headers;
  readonly requestId: string | undefined;
  readonly idleTimeoutMs: number;
  abort(reason?: unknown): void;
  mapError(error: unknown): unknown;
  /** Removes the API key from stream text an error is about to quote. */
  redact(text: string): string;
  settle(): void;
}

/** Options of one `postStream` / `requestStream` call. */
export interface StreamOptions {
  /** Content types the stream may have; another one fails the call. @default ['text/event-stream'] */
  contentTypes?: readonly string[];
}

/** A limit as a timer can hold it: `0` (none) for `Infinity`, a negative number or more than a timer takes. */
function timerLimit(ms: number): number {
  return ms > 0 && ms <= MAX_TIMER_MS ? ms : 0;
}

function callOf(options: NormalizedOptions): TransportCall {
  return options.context.call as TransportCall;
}

/**
 * The ky client every transport uses: ky runs each call's retries, waits and hooks; the call's state (headers, key,
 * limits) rides in `context`.
 */
const KY = /* @__PURE__ */ ky.create({
  // The call's time limit spans every attempt, the waits between them and the body (CallScope, whose signal fetch
  // gets); ky's is per attempt and ends with the headers.
  timeout: false,
  retry: {
    // POST for completions and batch submissions (each caller decides with `maxRetries` whether a call may be sent
    // twice); GET and DELETE for reading and removing batches and files.
    methods: ['post', 'get', 'delete'],
    statusCodes: [...RETRY_STATUS_CODES],
    afterStatusCodes: [...RETRY_STATUS_CODES],
    // Full jitter below min(8 s, 0.5 s × 2^(retry − 1)).
    delay: backoffCapMs,
    jitter: true,
    backoffLimit: backoffCapMs(Infinity),
    retryOnTimeout: false,
  },
  hooks: {
    beforeRequest: [(request, options) => callOf(options).authorize(request)],
    beforeRetry: [
      ({ options, retryCount }) => {
        callOf(options).attempts = retryCount + 1;
      },
    ],
    beforeError: [
      async (error, { retryCount }) => {
        await callOf(error.options).readFailure(error, retryCount);
        return error;
      },
    ],
  },
});

/**
 * The HTTP transport of a provider client, made once per client, and the only place rig-ts uses ky. ky runs each
 * call: its retries (with backoff and Retry-After), the waits between them and its hooks; the transport adds the key,
 * a time limit spanning the whole call, the redirect policy, and turns every failure into a `CompletionError` that
 * never contains the key.
 */
export class HttpTransport {
  readonly settings: TransportSettings;
  readonly #baseURL: string;
  /** The headers of every request: the JSON content type and the client's headers. */
  readonly #headers: { readonly [name: string]: string };
  #redactor: Redactor | undefined;

  /** @throws {CompletionError} a `request` error for a limit that is not a number of what it counts */
  constructor(settings: TransportSettings) {
    checkTransportLimits(settings, () => `${settings.provider} client`);
    checkHeaders(settings.headers, () => `${settings.provider} client`);
    this.settings = settings;
    this.#baseURL = settings.baseURL.replace(/\/+$/, '');
    this.#headers = { 'content-type': 'application/json', ...settings.headers };
  }

  /** The full URL of `path`. */
  url(path: string): string {
    return this.#baseURL + path;
  }

  /** POSTs JSON and parses the JSON answer. */
  postJson<Body = unknown>(path: string, body: unknown, options: CallOptions = {}): Promise<JsonResponse<Body>> {
    return this.requestJson<Body>('POST', path, body, options);
  }

  /**
   * Sends `method` to `path` and parses the JSON answer (64 MiB at most: a longer one fails with a `response` error).
   * `body` is sent as JSON, or as given when it is a `FormData` (multipart) or a `Blob`; `undefined` sends none. `path`
   * is appended to the base URL, or is an absolute URL on the base URL's origin (the key is never sent to another
   * origin).
   */
  async requestJson<Body = unknown>(
    method: string,
    path: string,
    body?: unknown,
    options: CallOptions = {},
  ): Promise<JsonResponse<Body>> {
    const { call, response } = await this.#send(method, path, body, options);
    const { scope, redactor, provider, method: sent, url } = call.init;
    try {
      const text = await readJsonBody(response, MAX_JSON_BODY_BYTES);
      if (text === undefined) {
        throw new CompletionError({
          kind: 'response',
          reason: 'unexpected',
          message: `${provider} answered ${sent} ${url} with a body over ${MAX_JSON_BODY_BYTES} bytes (not read further)`,
          isRetryable: false,
        });
      }
      try {
        return {
          body: JSON.parse(text) as Body,
          headers: redactor.headers(response.headers),
          requestId: call.requestId(response.headers),
        };
      } catch (error) {
        const safe = redactor.text(text);
        throw new CompletionError({
          kind: 'json',
          message: `${provider} answered ${sent} ${url} with a body that is not JSON (content-type ${redactor.text(response.headers.get('content-type') ?? 'none')}): ${safe.slice(0, 200)}`,
          body: safe.slice(0, ERROR_BODY_LIMIT),
          cause: error,
        });
      }
    } catch (error) {
      throw call.mapError(error);
    } finally {
      scope.release();
    }
  }

  /** POSTs JSON and returns the streamed answer once its status and headers are in (no retry after that point). */
  postStream(
    path: string,
    body: unknown,
    options: CallOptions = {},
    streamOptions: StreamOptions = {},
  ): Promise<StreamCall> {
    return this.requestStream('POST', path, body, options, streamOptions);
  }

  /** Sends `method` to `path` (as {@link requestJson} does) and returns the streamed answer once its status and headers are in. */
  async requestStream(
    method: string,
    path: string,
    body?: unknown,
    options: CallOptions = {},
    streamOptions: StreamOptions = {},
  ): Promise<StreamCall> {
    const { call, response } = await this.#send(method, path, body, options);
    const { scope, redactor } = call.init;
    const contentType = response.headers.get('content-type');
    const allowed = streamOptions.contentTypes ?? ['text/event-stream'];
    if (
      response.body === null ||
      (contentType !== null && !allowed.some((type) => contentType.toLowerCase().startsWith(type)))
    ) {
      try {
        throw await this.#unexpectedStreamBody(call, response);
      } catch (error) {
        throw call.mapError(error);
      } finally {
        scope.release();
      }
    }
    return {
      body: response.body,
      headers: redactor.headers(response.headers),
      requestId: call.requestId(response.headers),
      idleTimeoutMs: timerLimit(
        options.idleTimeoutMs ?? this.settings.idleTimeoutMs ?? DEFAULT_TRANSPORT_SETTINGS.idleTimeoutMs,
      ),
      abort: (reason) => scope.controller.abort(reason),
      mapError: (error) => call.mapError(error),
      redact: (text) => redactor.text(text),
      settle: () => scope.release(),
    };
  }

  async #unexpectedStreamBody(call: TransportCall, response: Response): Promise<CompletionError> {
    const { provider, method, url, redactor } = call.init;
    const { text, readError, providerError } = await call.readErrorBody(response);
    if (readError !== undefined) throw readError;
    if (providerError?.message !== undefined) {
      const requestId = call.requestId(response.headers);
      return new CompletionError({
        kind: 'provider',
        message: `${provider} answered ${method} ${url} with an error instead of a stream: ${providerError.message}`,
        providerError,
        ...(requestId === undefined ? {} : { requestId }),
      });
    }
    return new CompletionError({
      kind: 'response',
      reason: 'unexpected',
      message: `${provider} answered ${method} ${url} with content-type ${redactor.text(response.headers.get('content-type') ?? 'none')} instead of a stream: ${text.slice(0, 200)}`,
      body: text,
    });
  }

  /** The redactor of `secret`, kept while the key stays the same. */
  #redactorOf(secret: string | undefined): Redactor {
    const kept = this.#redactor;
    if (kept !== undefined && kept.key === secret) return kept;
    return (this.#redactor = new Redactor(secret));
  }

  /** Sends the call through ky: resolves once a response with a 2xx status is in, or rejects with the mapped error. */
  async #send(
    method: string,
    path: string,
    body: unknown,
    options: CallOptions,
  ): Promise<{ call: TransportCall; response: Response }> {
    const settings = this.settings;
    const absolute = /^https?:/i.test(path);
    const url = absolute ? path : this.#baseURL + path;
    if (absolute && !(URL.canParse(url) && new URL(url).origin === new URL(this.#baseURL).origin)) {
      throw invalidRequest(
        `${settings.provider}: ${method} ${url} is not on the origin of the base URL, the only one the API key is sent to`,
        'url',
      );
    }
    checkTransportLimits(options, () => `${settings.provider}: ${method} ${url}`);
    checkHeaders(options.headers, () => `${settings.provider}: ${method} ${url}`);
    const apiKey = typeof settings.apiKey === 'function' ? settings.apiKey() : settings.apiKey;
    const auth = settings.auth ?? DEFAULT_TRANSPORT_SETTINGS.auth;
    if (apiKey === undefined && settings.apiKeyVariables !== undefined)
      throw invalidRequest(missingApiKeyMessage(settings.provider, settings.apiKeyVariables), 'apiKey');
    // A header value cannot hold a line break, a NUL or a character past U+00FF (a dash pasted from a document); fetch
    // would fail the call as a network error.
    if (apiKey !== undefined && (typeof apiKey !== 'string' || /[\0\r\n\u0100-\uffff]/.test(apiKey.trim())))
      throw invalidRequest(
        `${settings.provider}: the API key must be a string a header can carry (${typeof apiKey === 'string' ? 'it holds a line break, a NUL or a character past U+00FF' : `got ${typeof apiKey}`})`,
        'apiKey',
      );
    const json = !(body === undefined || body instanceof FormData || body instanceof Blob);
    let serialized: BodyInit | undefined;
    try {
      serialized = json ? JSON.stringify(body) : (body as FormData | Blob | undefined);
    } catch (error) {
      throw new CompletionError({
        kind: 'json',
        message: `the request body for ${method} ${url} cannot be serialized to JSON`,
        cause: error,
      });
    }
    const scope = new CallScope(
      options.timeoutMs ?? settings.timeoutMs ?? DEFAULT_TRANSPORT_SETTINGS.timeoutMs,
      options.signal,
    );
    const maxRetries = options.maxRetries ?? settings.maxRetries ?? DEFAULT_TRANSPORT_SETTINGS.maxRetries;
    const call = new TransportCall({
      provider: settings.provider,
      method,
      url,
      body: serialized,
      json,
      transportHeaders: this.#headers,
      headers: options.headers,
      auth:
        apiKey === undefined || auth === 'none'
          ? undefined
          : { name: AUTH_HEADER[auth], value: auth === 'bearer' ? `Bearer ${apiKey}` : apiKey },
      scope,
      redactor: this.#redactorOf(apiKey),
      maxRetries,
      maxRetryDelayMs: settings.maxRetryDelayMs ?? DEFAULT_TRANSPORT_SETTINGS.maxRetryDelayMs,
      fetch: settings.fetch,
      parseError: settings.parseError,
    });
    try {
      const response = await KY(url, {
        method,
        // The signal ends ky's waits between attempts. Only the caller's abort needs that: no wait outlasts the time
        // left (see TransportCall.shouldRetry), and fetch gets the call's signal itself. Without a caller's signal
        // ky is given none, which spares it an AbortSignal.any per call.
        ...(options.signal === undefined ? {} : { signal: scope.signal }),
        context: { call },
        fetch: call.send as typeof globalThis.fetch,
        retry: {
          limit: maxRetries,
          maxRetryAfter: Math.min(call.init.maxRetryDelayMs, MAX_TIMER_MS),
          shouldRetry: call.shouldRetry,
        },
      });
      return { call, response };
    } catch (error) {
      scope.release();
      throw call.mapError(error);
    }
  }
}
