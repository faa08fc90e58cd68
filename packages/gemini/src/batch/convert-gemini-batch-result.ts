import { CompletionError, type Warning } from '@rig-ts/core';
import { addRequestWarnings, isRetryableStatus, readResponse } from '@rig-ts/core/internal';
import { malformedBatchResult, type BatchResult } from '@rig-ts/core/batch';
import type { GeminiResponse } from '../gemini-api-types.js';
import { parseGeminiResponse } from '../parse-gemini-response.js';
import type { GeminiStatus } from './gemini-batch-api-types.js';

// gRPC codes worth sending the request again for: DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED, INTERNAL, UNAVAILABLE.
const RETRYABLE_GRPC_CODES = new Set([4, 8, 10, 13, 14]);

function requestError(id: string, error: GeminiStatus): CompletionError {
  const code = typeof error.code === 'number' ? error.code : undefined;
  const providerError: { message?: string; code?: number; type?: string } = {};
  if (typeof error.message === 'string') providerError.message = error.message;
  if (code !== undefined) providerError.code = code;
  if (typeof error.status === 'string') providerError.type = error.status;
  return new CompletionError({
    kind: 'provider',
    message: `Gemini could not run batch request "${id}"${providerError.type ? ` (${providerError.type})` : ''}: ${providerError.message ?? 'no message'}`,
    providerError,
    // A Status carries a gRPC code; some errors carry an HTTP status instead.
    isRetryable: code !== undefined && (code >= 100 ? isRetryableStatus(code) : RETRYABLE_GRPC_CODES.has(code)),
  });
}

/**
 * One result of a Gemini batch (an inline response, or a results-file line), tied to request `id` → its result: a
 * `response` parsed by the parser the non-batch call uses, an `error` (a `google.rpc.Status`) as a `provider`
 * CompletionError.
 */
export function convertGeminiBatchResult(
  id: string,
  entry: { response?: unknown; error?: unknown },
  warnings?: readonly Warning[],
): BatchResult<GeminiResponse> {
  if (typeof entry.response === 'object' && entry.response !== null) {
    try {
      const response = readResponse(
        () => parseGeminiResponse(entry.response as GeminiResponse),
        `Gemini sent batch result "${id}"`,
      );
      addRequestWarnings(response, warnings ?? []);
      return { ok: true, id, response };
    } catch (error) {
      return { ok: false, id, error: error as CompletionError };
    }
  }
  if (typeof entry.error === 'object' && entry.error !== null)
    return { ok: false, id, error: requestError(id, entry.error as GeminiStatus) };
  return {
    ok: false,
    id,
    error: malformedBatchResult(`Gemini sent batch result "${id}" with neither a response nor an error`, entry),
  };
}
