import { CompletionError, type Warning } from '@rig-ts/core';
import { readResponse } from '@rig-ts/core/internal';
import { malformedBatchResult, type BatchResult } from '@rig-ts/core/batch';
import type { AnthropicMessage } from '../anthropic-api-types.js';
import {
  anthropicProviderError,
  parseAnthropicResponse,
  type AnthropicRawResponse,
} from '../parse-anthropic-response.js';
import type { AnthropicBatchResultLine } from './anthropic-batch-api-types.js';

/** What reading one results line needs besides the line, from submitting the batch (absent after a resume). */
export interface AnthropicBatchLineContext {
  /** The structured-output tool's name for the requests that asked for JSON through it, by id; or one name for all. */
  jsonToolName?: ReadonlyMap<string, string> | string | undefined;
  /** The warnings of building each request, by id. */
  warnings?: ReadonlyMap<string, readonly Warning[]> | undefined;
}

function erroredResult(error: unknown): CompletionError {
  const wrapper = error as
    { type?: string; error?: { type?: string; message?: string }; request_id?: string | null } | undefined;
  // The documented shape wraps the error as a whole error response ({ type: 'error', error, request_id }).
  if (wrapper?.type === 'error' && typeof wrapper.error === 'object' && wrapper.error !== null) {
    return anthropicProviderError(
      wrapper.error,
      typeof wrapper.request_id === 'string' ? wrapper.request_id : undefined,
    );
  }
  return anthropicProviderError(wrapper as { type?: string; message?: string } | undefined);
}

/**
 * One line of an Anthropic batch's results → the request's result: a `succeeded` message parsed by the parser the
 * non-batch call uses; `errored` as the `provider` error the non-batch call would raise; `canceled` and `expired` as
 * `provider` errors (an expired request is retryable).
 * @throws {CompletionError} of kind `response` for a line without `custom_id` (it cannot be tied to a request).
 */
export function convertAnthropicBatchLine(
  value: unknown,
  context: AnthropicBatchLineContext = {},
): BatchResult<AnthropicRawResponse> {
  const line = value as AnthropicBatchResultLine;
  if (typeof value !== 'object' || value === null || typeof line.custom_id !== 'string')
    throw malformedBatchResult('Anthropic sent a batch result line without a custom_id', value);
  const id = line.custom_id;
  const result = line.result as { type?: unknown; message?: unknown; error?: unknown } | undefined;
  switch (result?.type) {
    case 'succeeded': {
      const names = context.jsonToolName;
      const jsonToolName = typeof names === 'string' ? names : names?.get(id);
      const warnings = context.warnings?.get(id);
      try {
        const response = readResponse(
          () => parseAnthropicResponse(result.message as AnthropicMessage, { jsonToolName, warnings }),
          `Anthropic sent batch result "${id}"`,
        );
        return { ok: true, id, response };
      } catch (error) {
        return { ok: false, id, error: error as CompletionError };
      }
    }
    case 'errored':
      return { ok: false, id, error: erroredResult(result.error) };
    case 'canceled':
      return {
        ok: false,
        id,
        error: new CompletionError({
          kind: 'provider',
          message: `Anthropic did not run batch request "${id}": the batch was cancelled`,
          providerError: { type: 'canceled' },
        }),
      };
    case 'expired':
      return {
        ok: false,
        id,
        error: new CompletionError({
          kind: 'provider',
          message: `Anthropic did not run batch request "${id}" before the batch expired (24 hours)`,
          providerError: { type: 'expired' },
          isRetryable: true,
        }),
      };
    default:
      return {
        ok: false,
        id,
        error: new CompletionError({
          kind: 'response',
          reason: 'unexpected',
          message: `Anthropic sent batch result "${id}" of an unknown type: ${JSON.stringify(result?.type)}`,
        }),
      };
  }
}
