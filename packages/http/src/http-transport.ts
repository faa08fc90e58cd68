import { CompletionError, invalidRequest, type CallOptions, type ProviderErrorInfo } from '@rig-ts/core';
import ky, { type KyInstance } from 'ky';
import { abortableSleep } from './abortable-sleep.js';
import { CallScope } from './call-scope.js';
import { extractProviderError } from './extract-provider-error.js';
import { readCappedText } from './read-capped-text.js';
import { redactCause, redactError, redactSecret } from './redact-secret.js';
import { backoffDelay, retryAfterMs } from './retry-delay.js';
import { DEFAULT_TRANSPORT_SETTINGS, type TransportSettings } from './transport-settings.js';

const ERROR_BODY_LIMIT = 65_536;
const AUTH_HEADER = { bearer: 'authorization', 'x-api-key': 'x-api-key', 'x-goog-api-key': 'x-goog-api-key', 'api-key': 'api-key' } as const;

/** A parsed JSON response. */
export interface JsonResponse<Body = unknown> {
  body: Body;
  headers: Headers;
  requestId: string | undefined;
}

/** A streaming response, ready for `@rig-ts/streaming`'s `createStreamingResponse`. */
export interface StreamCall {
  readonly body: ReadableStream<Uint8Array>;
  readonly headers: Headers;
  readonly requestId: string | undefined;
  readonly idleTimeoutMs: number;
  abort(reason?: unknown): void;
  mapError(error: unknown): unknown;
  /** Removes the API key from stream text an error is about to quote. */
  redact(text: string): string;
  settle(): void;
}

/** Options of one `postStream` call. */
export interface StreamOptions {
  /** Content types the stream may have; another one fails the call. @default ['text/event-stream'] */
  contentTypes?: readonly string[];
}

function requestIdOf(headers: Headers): string | undefined {
  return headers.get('x-request-id') ?? headers.get('request-id') ?? undefined;
}

function headersToObject(headers: Headers, secret: string | undefined): { [name: string]: string } {
  const object: { [name: string]: string } = {};
  headers.forEach((value, name) => {
    if (name !== 'set-cookie') object[name] = redactSecret(value, secret);
  });
  return object;
}

/**
 * The HTTP transport of a provider client, made once per client: sends the key, retries with backoff and Retry-After,
 * enforces timeouts and cancellation, and turns every failure into a `CompletionError` that never contains the key.
 * The only place rig-ts uses ky.
 */
export class HttpTransport {
  readonly settings: TransportSettings;
  readonly #baseURL: string;
  readonly #ky: KyInstance;
  readonly #fetch: typeof globalThis.fetch;

  constructor(settings: TransportSettings) {
    this.settings = settings;
    this.#baseURL = settings.baseURL.replace(/\/+$/, '');
    this.#ky = ky.create({ retry: 0, timeout: false, throwHttpErrors: false });
    this.#fetch = settings.fetch ?? ((input, init) => globalThis.fetch(input, init));
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
   * Sends `method` to `path` and parses the JSON answer. `body` is sent as JSON, or as given when it is a `FormData`
   * (multipart) or a `Blob`; `undefined` sends none. `path` is appended to the base URL, or is an absolute URL on the
   * base URL's origin (the key is never sent to another origin).
   */
  async requestJson<Body = unknown>(method: string, path: string, body?: unknown, options: CallOptions = {}): Promise<JsonResponse<Body>> {
    const { response, scope, secret, url, attempts } = await this.#send(method, path, body, options);
    try {
      const text = await response.text();
      try {
        return { body: JSON.parse(text) as Body, headers: response.headers, requestId: requestIdOf(response.headers) };
      } catch (error) {
        const safe = redactSecret(text, secret);
        throw new CompletionError({
          kind: 'json',
          message: `${this.settings.provider} answered ${url} with a body that is not JSON (content-type ${response.headers.get('content-type') ?? 'none'}): ${safe.slice(0, 200)}`,
          body: safe.slice(0, ERROR_BODY_LIMIT),
          cause: error,
        });
      }
    } catch (error) {
      throw this.#mapError(error, scope, secret, url, attempts);
    } finally {
      scope.release();
    }
  }

  /** POSTs JSON and returns the streamed answer once its status and headers are in (no retry after that point). */
  postStream(path: string, body: unknown, options: CallOptions = {}, streamOptions: StreamOptions = {}): Promise<StreamCall> {
    return this.requestStream('POST', path, body, options, streamOptions);
  }

  /** Sends `method` to `path` (as {@link requestJson} does) and returns the streamed answer once its status and headers are in. */
  async requestStream(method: string, path: string, body?: unknown, options: CallOptions = {}, streamOptions: StreamOptions = {}): Promise<StreamCall> {
    const { response, scope, secret, url, attempts } = await this.#send(method, path, body, options);
    const contentType = response.headers.get('content-type');
    const allowed = streamOptions.contentTypes ?? ['text/event-stream'];
    if (response.body === null || (contentType !== null && !allowed.some((type) => contentType.toLowerCase().startsWith(type)))) {
      try {
        throw await this.#unexpectedStreamBody(response, url, secret);
      } finally {
        scope.release();
      }
    }
    const idleTimeoutMs = options.idleTimeoutMs ?? this.settings.idleTimeoutMs ?? DEFAULT_TRANSPORT_SETTINGS.idleTimeoutMs;
    return {
      body: response.body,
      headers: response.headers,
      requestId: requestIdOf(response.headers),
      idleTimeoutMs,
      abort: (reason) => scope.controller.abort(reason),
      mapError: (error) => this.#mapError(error, scope, secret, url, attempts),
      redact: (text) => redactSecret(text, secret),
      settle: () => scope.release(),
    };
  }

  // ky builds a Request per call and clones it to be able to retry; with a body, that means a ReadableStream built
  // from the string, then tee'd, then written by fetch piece by piece (a third of the CPU of a small call when
  // profiled). The body is a string we already hold: ky's request carries the URL and headers, and the body and the
  // call's signal (timeout + caller's signal, see CallScope) are handed to fetch here — giving ky no signal also
  // spares it an AbortSignal.any per call. It must be the call's own signal: a Request's signal follows the one it was
  // made with only through a weak reference, and once that Request is collected (after the headers) an abort would no
  // longer reach the body being read.
  #sendBody(request: Request, body: BodyInit | undefined, signal: AbortSignal): Promise<Response> {
    return this.#fetch(request.url, { method: request.method, headers: request.headers, body, signal });
  }

  async #unexpectedStreamBody(response: Response, url: string, secret: string | undefined): Promise<CompletionError> {
    const { text, providerError } = await this.#readErrorBody(response, secret);
    const contentType = response.headers.get('content-type') ?? 'none';
    if (providerError?.message !== undefined) {
      return new CompletionError({
        kind: 'provider',
        message: `${this.settings.provider} answered ${url} with an error instead of a stream: ${providerError.message}`,
        providerError,
        requestId: requestIdOf(response.headers),
      });
    }
    return new CompletionError({
      kind: 'response',
      reason: 'unexpected',
      message: `${this.settings.provider} answered ${url} with content-type ${contentType} instead of a stream: ${text.slice(0, 200)}`,
      body: text,
    });
  }

  /** The error body (capped, the key removed) and the provider's error read from it when it is JSON. */
  async #readErrorBody(response: Response, secret: string | undefined): Promise<{ text: string; providerError: ProviderErrorInfo | undefined }> {
    const text = await readCappedText(response, ERROR_BODY_LIMIT, secret);
    try {
      return { text, providerError: (this.settings.parseError ?? extractProviderError)(JSON.parse(text)) };
    } catch {
      return { text, providerError: undefined };
    }
  }

  #apiKey(): string | undefined {
    const apiKey = this.settings.apiKey;
    return typeof apiKey === 'function' ? apiKey() : apiKey;
  }

  // `url` is `METHOD url`, as errors name the call.
  async #send(method: string, path: string, body: unknown, options: CallOptions): Promise<{ response: Response; scope: CallScope; secret: string | undefined; url: string; attempts: number }> {
    const settings = this.settings;
    const absolute = /^https?:/i.test(path);
    const target = absolute ? path : this.#baseURL + path;
    const url = `${method} ${target}`;
    if (absolute && !(URL.canParse(target) && new URL(target).origin === new URL(this.#baseURL).origin)) {
      throw invalidRequest(`${settings.provider}: ${url} is not on the origin of the base URL, the only one the API key is sent to`, 'url');
    }
    const secret = this.#apiKey();
    const auth = settings.auth ?? DEFAULT_TRANSPORT_SETTINGS.auth;
    if (secret === undefined && settings.missingApiKeyMessage !== undefined) throw invalidRequest(settings.missingApiKeyMessage, 'apiKey');
    const raw = body === undefined || body instanceof FormData || body instanceof Blob;
    const headers: { [name: string]: string } = { ...(raw ? {} : { 'content-type': 'application/json' }), ...settings.headers, ...options.headers };
    if (secret !== undefined && auth !== 'none') headers[AUTH_HEADER[auth]] = auth === 'bearer' ? `Bearer ${secret}` : secret;
    let serialized: BodyInit | undefined;
    try {
      serialized = raw ? body : JSON.stringify(body);
    } catch (error) {
      throw new CompletionError({ kind: 'json', message: `the request body for ${url} cannot be serialized to JSON`, cause: error });
    }
    const maxRetries = options.maxRetries ?? settings.maxRetries ?? DEFAULT_TRANSPORT_SETTINGS.maxRetries;
    const scope = new CallScope(options.timeoutMs ?? settings.timeoutMs ?? DEFAULT_TRANSPORT_SETTINGS.timeoutMs, options.signal);
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await this.#ky(target, { method, headers, fetch: (request) => this.#sendBody(request as Request, serialized, scope.signal) });
      } catch (error) {
        const mapped = this.#mapError(error, scope, secret, url, attempt);
        if (CompletionError.isInstance(mapped) && mapped.kind === 'http' && !scope.timedOut && attempt <= maxRetries) {
          await this.#wait(undefined, attempt, scope, secret, url);
          continue;
        }
        scope.release();
        throw mapped;
      }
      if (response.ok) return { response, scope, secret, url, attempts: attempt };
      let failure: CompletionError;
      try {
        failure = await this.#httpError(response, url, secret, attempt);
      } catch (error) {
        scope.release();
        throw this.#mapError(error, scope, secret, url, attempt);
      }
      const shouldRetry = response.headers.get('x-should-retry');
      const retryable = shouldRetry === 'true' || (shouldRetry !== 'false' && failure.isRetryable);
      if (!retryable || attempt > maxRetries) {
        scope.release();
        throw failure;
      }
      const asked = retryAfterMs(response.headers);
      const maxRetryDelayMs = settings.maxRetryDelayMs ?? DEFAULT_TRANSPORT_SETTINGS.maxRetryDelayMs;
      if (asked !== undefined && asked > maxRetryDelayMs) {
        scope.release();
        throw failure;
      }
      await this.#wait(asked, attempt, scope, secret, url);
    }
  }

  async #wait(asked: number | undefined, attempt: number, scope: CallScope, secret: string | undefined, url: string): Promise<void> {
    const delay =
      asked ?? backoffDelay(attempt, DEFAULT_TRANSPORT_SETTINGS.retryBaseDelayMs, DEFAULT_TRANSPORT_SETTINGS.retryMaxDelayMs);
    try {
      await abortableSleep(delay, scope.signal);
    } catch (error) {
      scope.release();
      throw this.#mapError(error, scope, secret, url, attempt);
    }
  }

  async #httpError(response: Response, url: string, secret: string | undefined, attempts: number): Promise<CompletionError> {
    const { text: body, providerError } = await this.#readErrorBody(response, secret);
    const status = response.status;
    const detail = providerError?.message ?? (body.trim() === '' ? 'empty body' : body.slice(0, 300));
    const error = new CompletionError({
      kind: 'http',
      message: `${this.settings.provider} returned HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''} for ${url}: ${detail}`,
      status,
      body,
      headers: headersToObject(response.headers, secret),
      request: url,
      attempts,
    });
    const requestId = requestIdOf(response.headers);
    if (requestId !== undefined) Object.assign(error, { requestId });
    if (providerError !== undefined) Object.assign(error, { providerError });
    return error;
  }

  #mapError(error: unknown, scope: CallScope, secret: string | undefined, url: string, attempts: number): unknown {
    if (scope.userSignal?.aborted) return scope.userSignal.reason;
    if (CompletionError.isInstance(error)) return redactError(error, secret);
    if (scope.timedOut) {
      return new CompletionError({
        kind: 'http',
        message: `${this.settings.provider} call ${url} timed out after ${scope.timeoutMs} ms (timeoutMs)`,
        request: url,
        attempts,
        cause: redactCause(error, secret),
      });
    }
    if (scope.signal.aborted && error === scope.signal.reason) return error;
    const reason = error instanceof Error ? (error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message) : String(error);
    return new CompletionError({
      kind: 'http',
      message: `network error calling ${this.settings.provider} at ${url}: ${redactSecret(reason, secret)}`,
      request: url,
      attempts,
      cause: redactCause(error, secret),
    });
  }
}
