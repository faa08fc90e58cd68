import { CompletionError, type ProviderErrorInfo } from '@rig-ts/core';
import { ForceRetryError, isHTTPError, type HTTPError } from 'ky';
import type { CallScope } from './call-scope.js';
import { CALL_TIMEOUTS_DISPATCHER } from './call-timeouts-dispatcher.js';
import { extractProviderError } from './extract-provider-error.js';
import { readCappedText } from './read-capped-text.js';
import { decideRedirect, isRedirect } from './redirect-policy.js';
import type { Redactor } from './redactor.js';
import { backoffCapMs, planRetry, RETRY_STATUS_CODES } from './retry-plan.js';

/** The most of an error body kept (64 KiB). */
export const ERROR_BODY_LIMIT = 65_536;

/** Error codes of a time limit of `fetch` itself (undici's): the request may have reached the provider. */
const FETCH_TIMEOUT_CODES = ['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'];

/** What one call needs, fixed before it starts. */
export interface TransportCallInit {
  provider: string;
  /** The HTTP method, named in errors. */
  method: string;
  url: string;
  /** A JSON string, a `FormData` or a `Blob`, or none. */
  body: BodyInit | undefined;
  /** The body is JSON: the transport's JSON content type applies (fetch sets a multipart or Blob type itself). */
  json: boolean;
  /** The headers of every request of the transport. */
  transportHeaders: { readonly [name: string]: string };
  /** This call's own headers (over the transport's), then the auth header (over both). */
  headers: { [name: string]: string } | undefined;
  auth: { name: string; value: string } | undefined;
  scope: CallScope;
  redactor: Redactor;
  /** Retries after the first attempt. */
  maxRetries: number;
  maxRetryDelayMs: number;
  /** The injected `fetch`; `undefined` for the runtime's own. */
  fetch: typeof globalThis.fetch | undefined;
  parseError: ((body: unknown) => ProviderErrorInfo | undefined) | undefined;
}

/** The code of an error or of one in its cause chain, when it is a time limit of `fetch` itself. */
function fetchTimeoutCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 8; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && FETCH_TIMEOUT_CODES.includes(code)) return code;
    if (current.name === 'TimeoutError') return 'TimeoutError';
  }
  return undefined;
}

function requestIdOf(headers: Headers): string | undefined {
  return headers.get('x-request-id') ?? headers.get('request-id') ?? undefined;
}

/**
 * One call through ky: the state its hooks share (attempts, the last HTTP failure), what it hands `fetch`, its retry
 * decisions, and the mapping of whatever ended it to a `CompletionError` — every string from the wire redacted.
 */
export class TransportCall {
  readonly init: TransportCallInit;
  /** Requests made, retries included (redirects followed within one request not counted). */
  attempts = 1;
  /** The last failed response, as its `CompletionError` (read by ky's `beforeError` hook). */
  failure: CompletionError | undefined;

  constructor(init: TransportCallInit) {
    this.init = init;
  }

  /** `beforeRequest`: the transport's headers, the call's, then the key. */
  authorize(request: Request): void {
    const { transportHeaders, headers, auth, json } = this.init;
    for (const name in transportHeaders)
      if (json || name !== 'content-type') request.headers.set(name, transportHeaders[name] as string);
    if (!json) request.headers.delete('content-type');
    if (headers !== undefined) for (const name in headers) request.headers.set(name, headers[name] as string);
    if (auth !== undefined) request.headers.set(auth.name, auth.value);
  }

  /**
   * ky's `fetch`: the request ky built (URL and headers) with the body string we already hold and the call's own signal
   * (a request's signal follows the one it was made with only through a weak reference: once the request is collected,
   * an abort would no longer reach a body being read), following only the redirects {@link decideRedirect} allows.
   */
  readonly send = async (request: Request): Promise<Response> => {
    const { body, scope, fetch } = this.init;
    const init = {
      method: request.method,
      headers: request.headers,
      body,
      signal: scope.signal,
      redirect: 'manual',
      ...(fetch === undefined ? { dispatcher: CALL_TIMEOUTS_DISPATCHER } : {}),
    } as RequestInit;
    const send = fetch ?? globalThis.fetch;
    let url = request.url;
    for (let redirects = 0; ; redirects++) {
      const response = await send(url, init);
      if (!isRedirect(response)) {
        const delay = this.#forcedRetryDelay(response);
        if (delay === undefined) return response;
        void response.body?.cancel().catch(() => undefined);
        throw new ForceRetryError({ delay, code: 'RETRY_AFTER_MS' });
      }
      void response.body?.cancel().catch(() => undefined);
      const decision = decideRedirect(url, response, redirects);
      if ('follow' in decision) url = decision.follow;
      else throw this.#redirectError(response, decision.refuse, decision.target);
    }
  };

  /**
   * A retry ky cannot make on its own, forced with the wait the server asked for: `retry-after-ms` (ky reads only
   * `retry-after`), or any asked wait on a status that only `x-should-retry: true` makes retryable. This is what an
   * `afterResponse` hook returning `ky.retry({ delay })` does, raised where the response first arrives instead: ky
   * clones every response for an `afterResponse` hook (a tee of its body, streams included): with the hook, the
   * transport cost 89 µs of CPU per call more than ky alone; without it, 8 µs (in-process, paired blocks).
   */
  #forcedRetryDelay(response: Response): number | undefined {
    if (response.ok || this.attempts > this.init.maxRetries) return undefined;
    const plan = planRetry(response.status, response.headers, this.#waitLimits());
    return plan.kind === 'wait' && (plan.header === 'retry-after-ms' || !RETRY_STATUS_CODES.includes(response.status))
      ? plan.waitMs
      : undefined;
  }

  /**
   * ky's `shouldRetry`: `false` for what must not be retried, `true` for a retry after backoff, `undefined` to let ky
   * wait out a `retry-after` itself. A network failure before any response byte is retried; a timeout of `fetch` is
   * not (the provider may already be working on the request), nor is anything once the call is aborted or timed out.
   * No wait outlasts the time left of `timeoutMs`: a longer one fails the call at once, with the error it would retry.
   */
  readonly shouldRetry = ({ error, retryCount }: { error: Error; retryCount: number }): boolean | undefined => {
    if (this.init.scope.signal.aborted) return false;
    // A backoff that might outlast the time left would only end in a timeout: the call fails with this error instead.
    const backoffFits = backoffCapMs(retryCount) <= this.init.scope.timeLeftMs();
    if (isHTTPError(error)) {
      const { status, headers } = error.response;
      const plan = planRetry(status, headers, this.#waitLimits());
      if (plan.kind === 'fail') return false;
      if (plan.kind === 'wait') return RETRY_STATUS_CODES.includes(status) ? undefined : true;
      return backoffFits;
    }
    if (CompletionError.isInstance(error)) return false;
    return fetchTimeoutCode(error) === undefined && backoffFits;
  };

  #waitLimits() {
    return { maxRetryDelayMs: this.init.maxRetryDelayMs, timeLeftMs: this.init.scope.timeLeftMs() };
  }

  /** `beforeError`: reads a failed response (its body capped at 64 KiB) into {@link failure}. */
  async readFailure(error: HTTPError, retryCount: number): Promise<void> {
    const response = error.response;
    const { text: body, readError, providerError } = await this.readErrorBody(response);
    // A body cut by the call's abort or timeout ends the call; a body that merely broke off keeps the status.
    if (readError !== undefined && this.init.scope.signal.aborted) throw readError;
    const { provider, method, url, redactor } = this.init;
    const statusText = redactor.text(response.statusText);
    const broken = readError === undefined ? '' : ` (the error body broke off: ${this.#reason(readError)})`;
    const detail = providerError?.message ?? (body.trim() === '' ? 'empty body' : body.slice(0, 300));
    const failure = new CompletionError({
      kind: 'http',
      message: `${provider} returned HTTP ${response.status}${statusText ? ` ${statusText}` : ''} for ${method} ${url}: ${detail}${broken}`,
      status: response.status,
      body,
      headers: redactor.headerObject(response.headers),
      request: `${method} ${url}`,
      attempts: retryCount + 1,
    });
    const requestId = this.requestId(response.headers);
    if (requestId !== undefined) Object.assign(failure, { requestId });
    if (providerError !== undefined) Object.assign(failure, { providerError });
    this.failure = failure;
  }

  /** The error body (capped, redacted), the provider's error read from it when it is JSON, and what broke the read. */
  async readErrorBody(
    response: Response,
  ): Promise<{ text: string; readError: unknown; providerError: ProviderErrorInfo | undefined }> {
    const { text, readError } = await readCappedText(response, ERROR_BODY_LIMIT, this.init.redactor);
    let providerError: ProviderErrorInfo | undefined;
    try {
      providerError = (this.init.parseError ?? extractProviderError)(JSON.parse(text));
    } catch {
      providerError = undefined;
    }
    return { text, readError, providerError };
  }

  /** The provider's request id, redacted. */
  requestId(headers: Headers): string | undefined {
    const requestId = requestIdOf(headers);
    return requestId === undefined ? undefined : this.init.redactor.text(requestId);
  }

  /** A message for what a network error says, with its cause's, redacted. */
  #reason(error: unknown): string {
    const reason =
      error instanceof Error
        ? error.cause instanceof Error
          ? `${error.message}: ${error.cause.message}`
          : error.message
        : String(error);
    return this.init.redactor.text(reason);
  }

  #redirectError(response: Response, refusal: string, target: string | undefined): CompletionError {
    const { provider, method, url, redactor } = this.init;
    const where = target === undefined ? '' : ` to ${redactor.text(target).slice(0, 300)}`;
    const status = response.type === 'opaqueredirect' ? '' : ` (HTTP ${response.status})`;
    const error = new CompletionError({
      kind: 'http',
      message: `${provider} answered ${method} ${url} with a redirect${status}${where}: not followed, as ${refusal} (rig-ts follows only 307 and 308 redirects to the same origin)`,
      ...(response.type === 'opaqueredirect' ? {} : { status: response.status }),
      headers: redactor.headerObject(response.headers),
      request: `${method} ${url}`,
      attempts: this.attempts,
      isRetryable: false,
    });
    return error;
  }

  /**
   * What ended the call, as the caller sees it: the caller's abort reason itself; the failed response's error; a
   * timeout; the reason the stream was aborted with; else a network error — every one redacted.
   */
  mapError(error: unknown): unknown {
    const { scope, provider, method, url, redactor } = this.init;
    if (scope.userSignal?.aborted) return scope.userSignal.reason;
    if (isHTTPError(error) && this.failure !== undefined) return this.failure;
    if (CompletionError.isInstance(error)) return redactor.error(error);
    if (scope.timedOut) {
      return new CompletionError({
        kind: 'http',
        message: `${provider} call ${method} ${url} timed out after ${scope.timeoutMs} ms (timeoutMs)`,
        request: `${method} ${url}`,
        attempts: this.attempts,
        cause: redactor.cause(error),
      });
    }
    if (scope.signal.aborted && error === scope.signal.reason) return error;
    const timeoutCode = fetchTimeoutCode(error);
    const note =
      timeoutCode === undefined
        ? ''
        : ` (${timeoutCode}, a time limit of fetch itself: not retried, as the provider may already have the request)`;
    return new CompletionError({
      kind: 'http',
      message: `network error calling ${provider} at ${method} ${url}: ${this.#reason(error)}${note}`,
      request: `${method} ${url}`,
      attempts: this.attempts,
      cause: redactor.cause(error),
    });
  }
}
