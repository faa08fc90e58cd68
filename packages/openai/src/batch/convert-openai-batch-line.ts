import { CompletionError, type CompletionResponse, type Warning } from '@rig-ts/core';
import { addRequestWarnings, isRetryableStatus, readResponse } from '@rig-ts/core/internal';
import { malformedBatchResult, type BatchResult } from '@rig-ts/core/batch';
import { extractProviderError } from '@rig-ts/http';
import {
  parseOpenAIChatResponse,
  parseOpenAIResponsesResponse,
  type ChatResponse,
  type ProviderErrorReader,
  type ResponsesResponse,
} from '@rig-ts/openai-wire';
import type { OpenAIBatchOutputLine } from './openai-batch-api-types.js';

/** What reading one output line needs besides the line. */
export interface OpenAIBatchLineContext {
  /** The batch's endpoint: which parser reads a response body. */
  endpoint: '/v1/responses' | '/v1/chat/completions';
  /** The provider's name in messages (the transport's). */
  provider: string;
  /** Reads a provider error from a Chat Completions body (the transport's). */
  parseError?: ProviderErrorReader | undefined;
  /** The warnings of building each request, by id (known when the job was submitted in this process). */
  warnings?: ReadonlyMap<string, readonly Warning[]> | undefined;
}

// The `code` OpenAI gives a request its batch window ran out on: resending it may well succeed.
const RETRYABLE_BATCH_CODES = new Set(['batch_expired']);

function parseBody(
  line: OpenAIBatchOutputLine,
  context: OpenAIBatchLineContext,
  requestId: string | undefined,
): CompletionResponse {
  const { provider, endpoint, parseError } = context;
  const what = `${provider} sent batch result "${line.custom_id}"`;
  return endpoint === '/v1/responses'
    ? readResponse(
        () => parseOpenAIResponsesResponse(provider, line.response!.body as ResponsesResponse, requestId),
        what,
      )
    : readResponse(
        () => parseOpenAIChatResponse(provider, line.response!.body as ChatResponse, requestId, parseError),
        what,
      );
}

function httpError(
  line: OpenAIBatchOutputLine,
  context: OpenAIBatchLineContext,
  requestId: string | undefined,
): CompletionError {
  const { status_code: status, body } = line.response!;
  const providerError = extractProviderError(body);
  const text = typeof body === 'string' ? body : (JSON.stringify(body) ?? '');
  const fields = {
    kind: 'http' as const,
    status,
    body: text.slice(0, 65_536),
    message: `${context.provider} answered batch request "${line.custom_id}" with HTTP ${status}: ${providerError?.message ?? (text.slice(0, 300) || 'empty body')}`,
    isRetryable: isRetryableStatus(status),
  };
  const error = new CompletionError(providerError === undefined ? fields : { ...fields, providerError });
  if (requestId !== undefined) Object.assign(error, { requestId });
  return error;
}

function lineError(line: OpenAIBatchOutputLine, context: OpenAIBatchLineContext): CompletionError {
  const error = line.error!;
  const providerError: { code?: string; message?: string } = {};
  if (typeof error.code === 'string') providerError.code = error.code;
  if (typeof error.message === 'string') providerError.message = error.message;
  return new CompletionError({
    kind: 'provider',
    message: `${context.provider} could not run batch request "${line.custom_id}"${providerError.code ? ` (${providerError.code})` : ''}: ${providerError.message ?? 'no message'}`,
    providerError,
    isRetryable: providerError.code !== undefined && RETRYABLE_BATCH_CODES.has(providerError.code),
  });
}

/**
 * One line of an OpenAI batch output or error file → the request's result: a 200 response parsed by the parser of
 * the batch's endpoint (the one the non-batch call uses), another status as an `http` CompletionError of that status,
 * a non-HTTP failure (`batch_expired`) as a `provider` one.
 * @throws {CompletionError} of kind `response` for a line without `custom_id` (it cannot be tied to a request).
 */
export function convertOpenAIBatchLine(value: unknown, context: OpenAIBatchLineContext): BatchResult {
  const line = value as OpenAIBatchOutputLine;
  if (typeof value !== 'object' || value === null || typeof line.custom_id !== 'string') {
    throw malformedBatchResult(`${context.provider} sent a batch result line without a custom_id`, value);
  }
  const id = line.custom_id;
  const response = line.response;
  const requestId = typeof response?.request_id === 'string' ? response.request_id : undefined;
  if (typeof response === 'object' && response !== null && typeof response.status_code === 'number') {
    if (response.status_code !== 200) return { ok: false, id, error: httpError(line, context, requestId) };
    try {
      const parsed = parseBody(line, context, requestId);
      addRequestWarnings(parsed, context.warnings?.get(id) ?? []);
      return { ok: true, id, response: parsed };
    } catch (error) {
      return { ok: false, id, error: error as CompletionError };
    }
  }
  if (typeof line.error === 'object' && line.error !== null) return { ok: false, id, error: lineError(line, context) };
  return {
    ok: false,
    id,
    error: malformedBatchResult(
      `${context.provider} sent batch result "${id}" with neither a response nor an error`,
      value,
    ),
  };
}
