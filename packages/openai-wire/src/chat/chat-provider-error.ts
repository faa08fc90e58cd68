import { CompletionError, type ProviderErrorInfo } from '@rig-ts/core';
import { extractProviderError } from '@rig-ts/http';

/** Reads the provider's error from a parsed JSON body (the transport's `parseError`). */
export type ProviderErrorReader = (body: unknown) => ProviderErrorInfo | undefined;

function numeric(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/**
 * The error a Chat-Completions server put inside a 200 body or a stream chunk (`{"error": {...}}` or a string), as
 * a `provider` CompletionError; `undefined` when `error` is empty. Retryable when the error carries a 429 / 5xx
 * status (`code` or Groq's `status_code`) or a rate-limit / server-error code.
 */
export function chatProviderError(
  provider: string,
  error: unknown,
  requestId?: string,
  parseError: ProviderErrorReader = extractProviderError,
): CompletionError | undefined {
  if (
    error === undefined ||
    error === null ||
    error === '' ||
    (typeof error === 'object' && Object.keys(error).length === 0)
  )
    return undefined;
  const providerError = parseError({ error }) ?? extractProviderError({ error }) ?? {};
  const code = providerError.code ?? providerError.type;
  const record = typeof error === 'object' ? (error as { code?: unknown; status_code?: unknown }) : {};
  const status = numeric(record.code) ?? numeric(record.status_code);
  const retryable =
    status === 429 ||
    (status !== undefined && status >= 500) ||
    code === 'rate_limit_exceeded' ||
    code === 'server_error';
  const fields = {
    kind: 'provider' as const,
    message: `${provider} reported an error${code !== undefined ? ` (${code})` : ''}: ${providerError.message ?? JSON.stringify(error).slice(0, 300)}`,
    providerError,
    isRetryable: retryable,
  };
  return new CompletionError(requestId === undefined ? fields : { ...fields, requestId });
}
