import { errorUnion } from './error-union.js';
import type { RigError, RigErrorOptions } from './rig-error.js';

/** The error a provider put in its response body or stream (OpenAI's `error.message/type/code/param`). */
export interface ProviderErrorInfo {
  message?: string;
  type?: string;
  code?: string | number;
  param?: string;
}

/** The HTTP call failed: a non-2xx status, a network failure, or a timeout. */
export interface CompletionHttpErrorFields {
  kind: 'http';
  /** Absent for network failures and timeouts. */
  status?: number;
  /** The response body as text (truncated to 64 KiB). */
  body?: string;
  providerError?: ProviderErrorInfo;
  /** Response headers kept for the caller: `retry-after*`, `x-ratelimit-*`, request ids, content type. */
  headers?: { [name: string]: string };
  requestId?: string;
  /** `METHOD url` of the failed call. */
  request?: string;
  /** How many attempts were made, retries included. */
  attempts?: number;
  isRetryable: boolean;
}

/** A JSON body could not be parsed or serialized. */
export interface CompletionJsonErrorFields {
  kind: 'json';
  body?: string;
  isRetryable: false;
}

/** The request is invalid; raised before anything is sent. */
export interface CompletionRequestErrorFields {
  kind: 'request';
  /** Where the problem is, e.g. `chatHistory[3].content`. */
  path?: string;
  isRetryable: false;
}

/** The response could not be used: unparseable, empty, or truncated. */
export interface CompletionResponseErrorFields {
  kind: 'response';
  reason: 'malformed' | 'empty' | 'truncated' | 'unexpected';
  body?: string;
  isRetryable: boolean;
}

/** The provider reported an error (in a 200 body or inside a stream). */
export interface CompletionProviderErrorFields {
  kind: 'provider';
  providerError?: ProviderErrorInfo;
  requestId?: string;
  isRetryable: boolean;
}

/** The fields of each kind of {@link CompletionError}. */
export type CompletionErrorFields =
  | CompletionHttpErrorFields
  | CompletionJsonErrorFields
  | CompletionRequestErrorFields
  | CompletionResponseErrorFields
  | CompletionProviderErrorFields;

/** The kinds of {@link CompletionError}. */
export type CompletionErrorKind = CompletionErrorFields['kind'];

type FieldsInput<F> = F extends { isRetryable: false }
  ? Omit<F, 'isRetryable'> & { isRetryable?: false }
  : Omit<F, 'isRetryable'> & { isRetryable?: boolean };

/** Constructor arguments of {@link CompletionError}. */
export type CompletionErrorOptions = RigErrorOptions & FieldsInput<CompletionErrorFields>;

/** True for statuses worth retrying: 408, 409, 429 and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * A completion call failed. Discriminated on `kind`: `http`, `json`, `request`, `response`, `provider`.
 * Never contains an API key.
 */
export type CompletionError = RigError & CompletionErrorFields;

/** Creates and recognizes {@link CompletionError}s. */
export const CompletionError = /* @__PURE__ */ errorUnion<CompletionErrorFields, CompletionErrorOptions>(
  'CompletionError',
  (options) => ({
    isRetryable:
      options.isRetryable ??
      (options.kind === 'http' ? options.status === undefined || isRetryableStatus(options.status) : false),
  }),
);

/** A `request` {@link CompletionError}: what is wrong, and where. */
export function invalidRequest(message: string, path?: string): CompletionError {
  return new CompletionError(path === undefined ? { kind: 'request', message } : { kind: 'request', message, path });
}
