import { CompletionError, type ProviderErrorInfo } from '@rig-ts/core';

const RETRYABLE_CODES = new Set([
  'server_error',
  'rate_limit_exceeded',
  'overloaded',
  'server_is_overloaded',
  'slow_down',
]);

/** A `provider` CompletionError for an error a Responses API server (`provider`) reported in a 200 body or inside a stream. */
export function responsesProviderError(
  provider: string,
  error: { code?: string | null; message?: string | null; type?: string | null; param?: string | null },
  requestId?: string,
): CompletionError {
  // Only strings are kept: an error of the wrong shape must not put "[object Object]" in the message.
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
  const record = typeof error === 'object' && error !== null ? error : {};
  const message = text(record.message);
  const type = text(record.type);
  const errorCode = text(record.code);
  const param = text(record.param);
  const providerError: ProviderErrorInfo = {};
  if (message !== undefined) providerError.message = message;
  if (type !== undefined) providerError.type = type;
  if (errorCode !== undefined) providerError.code = errorCode;
  if (param !== undefined) providerError.param = param;
  const code = errorCode ?? type;
  const fields = {
    kind: 'provider' as const,
    message: `${provider} reported an error${code ? ` (${code})` : ''}: ${message ?? 'no message'}`,
    providerError,
    isRetryable: code !== undefined && RETRYABLE_CODES.has(code),
  };
  return new CompletionError(requestId === undefined ? fields : { ...fields, requestId });
}
