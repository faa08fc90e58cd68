import { type CompletionResponse, type GetTokenUsage } from '@rig-ts/core';
import { reconcileFinishReason, toChoice, withTokenUsage } from '@rig-ts/core/internal';
import { openAIMetadataOf } from '../openai-metadata.js';
import type { ResponsesResponse } from './openai-responses-api-types.js';
import { convertOpenAIResponsesOutput } from './convert-openai-responses-output.js';
import { convertOpenAIResponsesUsage } from './convert-openai-responses-usage.js';
import { mapOpenAIResponsesFinishReason } from './map-openai-responses-finish-reason.js';
import { responsesProviderError } from './openai-responses-error.js';

/** A Responses API body → `CompletionResponse`; an `error` or a failed status becomes a `provider` error naming `provider`. */
export function parseOpenAIResponsesResponse(provider: string, body: ResponsesResponse, requestId?: string): CompletionResponse<ResponsesResponse & GetTokenUsage> {
  if (body.error || body.status === 'failed') throw responsesProviderError(provider, body.error ?? { message: `response ${body.id} failed` }, requestId);
  const content = convertOpenAIResponsesOutput(provider, body.output ?? []);
  const usage = convertOpenAIResponsesUsage(body.usage);
  const hasRefusal = content.some((block) => block.type === 'text' && openAIMetadataOf(block)?.refusal === true);
  const { finishReason, rawFinishReason } = mapOpenAIResponsesFinishReason(body.status, body.incomplete_details?.reason, hasRefusal);
  const response: CompletionResponse<ResponsesResponse & GetTokenUsage> = {
    choice: toChoice(content),
    usage: usage ?? { promptTokens: 0, completionTokens: 0, totalTokens: 0 },
    finishReason: reconcileFinishReason(finishReason, content),
    rawFinishReason,
    id: body.id,
    model: body.model,
    rawResponse: withTokenUsage(body, usage),
  };
  if (requestId !== undefined) response.requestId = requestId;
  return response;
}
