import { type CompletionResponse, type GetTokenUsage } from '@rig-ts/core';
import {
  reconcileFinishReason,
  toChoice,
  withTokenUsage,
  expectObject,
  expectOptionalString,
  rejectEmptyAnswer,
} from '@rig-ts/core/internal';
import { openAIMetadataOf } from '../openai-metadata.js';
import type { ResponsesResponse } from './openai-responses-api-types.js';
import { convertOpenAIResponsesOutput, hasRawOnlyOutput } from './convert-openai-responses-output.js';
import { convertOpenAIResponsesUsage } from './convert-openai-responses-usage.js';
import { mapOpenAIResponsesFinishReason } from './map-openai-responses-finish-reason.js';
import { responsesProviderError } from './openai-responses-error.js';

/**
 * A Responses API body → `CompletionResponse`; an `error` or a failed status becomes a `provider` error naming
 * `provider`. An answer without content is an `empty` response error unless the token limit or a content filter
 * explains it (or it holds only items kept in the raw response, such as a hosted tool's call); a function call the token
 * limit cut off is left out with a `tool-call-cut` warning.
 */
export function parseOpenAIResponsesResponse(
  provider: string,
  body: ResponsesResponse,
  requestId?: string,
): CompletionResponse<ResponsesResponse & GetTokenUsage> {
  expectObject(body, 'the body');
  if (body.error || body.status === 'failed')
    throw responsesProviderError(provider, body.error ?? { message: `response ${body.id} failed` }, requestId);
  const status = expectOptionalString(body.status, 'status');
  const incompleteReason = expectOptionalString(body.incomplete_details?.reason, 'incomplete_details.reason');
  const { content, warnings } = convertOpenAIResponsesOutput(
    provider,
    body.output ?? [],
    status === 'incomplete' && incompleteReason === 'max_output_tokens',
  );
  const usage = convertOpenAIResponsesUsage(body.usage);
  const hasRefusal = content.some((block) => block.type === 'text' && openAIMetadataOf(block)?.refusal === true);
  const mapped = mapOpenAIResponsesFinishReason(status, incompleteReason, hasRefusal);
  const finishReason = reconcileFinishReason(mapped.finishReason, content);
  if (!hasRawOnlyOutput(body.output)) rejectEmptyAnswer(content, finishReason, mapped.rawFinishReason, provider);
  const response: CompletionResponse<ResponsesResponse & GetTokenUsage> = {
    choice: toChoice(content),
    usage: usage ?? { promptTokens: 0, completionTokens: 0, totalTokens: 0 },
    finishReason,
    rawFinishReason: mapped.rawFinishReason,
    id: expectOptionalString(body.id, 'id') as string,
    model: expectOptionalString(body.model, 'model') as string,
    rawResponse: withTokenUsage(body, usage),
  };
  if (warnings.length > 0) response.warnings = warnings;
  if (requestId !== undefined) response.requestId = requestId;
  return response;
}
