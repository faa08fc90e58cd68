import { CompletionError, type ProviderErrorInfo } from '@rig-ts/core';

const RETRYABLE_CODES = new Set(['server_error', 'rate_limit_exceeded', 'overloaded', 'server_is_overloaded', 'slow_down']);

/** A `provider` CompletionError for an error a Responses API server (`provider`) reported in a 200 body or inside a stream. */
export function responsesProviderError(
  provider: string,
  error: { code?: string | null; message?: string | null; type?: string | null; param?: string | null },
  requestId?: string,
): CompletionError {
  const providerError: ProviderErrorInfo = {};
  if (error.message) providerError.message = error.message;
  if (error.type) providerError.type = error.type;
  if (error.code) providerError.code = error.code;
  if (error.param) providerError.param = error.param;
  const code = error.code ?? error.type ?? undefined;
  const fields = {
    kind: 'provider' as const,
    message: `${provider} reported an error${code ? ` (${code})` : ''}: ${error.message ?? 'no message'}`,
    providerError,
    isRetryable: code !== undefined && RETRYABLE_CODES.has(code),
  };
  return new CompletionError(requestId === undefined ? fields : { ...fields, requestId });
}
