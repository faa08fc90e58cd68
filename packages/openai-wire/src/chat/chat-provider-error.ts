import { CompletionError } from '@rig-ts/core';
import { extractProviderError } from '@rig-ts/http';

/**
 * The error a Chat-Completions server put inside a 200 body or a stream chunk (`{"error": {...}}` or a string), as
 * a `provider` CompletionError; `undefined` when `error` is empty.
 */
export function chatProviderError(provider: string, error: unknown, requestId?: string): CompletionError | undefined {
  if (error === undefined || error === null || error === '' || (typeof error === 'object' && Object.keys(error).length === 0)) return undefined;
  const providerError = extractProviderError({ error }) ?? {};
  const code = providerError.code ?? providerError.type;
  const status = typeof error === 'object' ? (error as { code?: unknown; status?: unknown }).code : undefined;
  const retryable = status === 429 || (typeof status === 'number' && status >= 500) || code === 'rate_limit_exceeded' || code === 'server_error';
  const fields = {
    kind: 'provider' as const,
    message: `${provider} reported an error${code !== undefined ? ` (${code})` : ''}: ${providerError.message ?? JSON.stringify(error).slice(0, 300)}`,
    providerError,
    isRetryable: retryable,
  };
  return new CompletionError(requestId === undefined ? fields : { ...fields, requestId });
}
