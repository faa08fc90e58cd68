import { type GetTokenUsage } from '@rig-ts/core';
import { withTokenUsage } from '@rig-ts/core/internal';
import type { StreamAccumulator, StreamAdapter } from '@rig-ts/streaming/internal';
import { openAIMetadataOf } from '../openai-metadata.js';
import type { ResponsesFunctionCallItem, ResponsesMessageItem, ResponsesReasoningItem, ResponsesResponse, ResponsesStreamEvent } from './openai-responses-api-types.js';
import { convertMessageItem, convertReasoningItem } from './convert-openai-responses-output.js';
import { convertOpenAIResponsesUsage } from './convert-openai-responses-usage.js';
import { mapOpenAIResponsesFinishReason } from './map-openai-responses-finish-reason.js';
import { responsesProviderError } from './openai-responses-error.js';

type Accumulator = StreamAccumulator<ResponsesResponse & GetTokenUsage>;

function finish(response: ResponsesResponse, refused: boolean, accumulator: Accumulator): void {
  const usage = convertOpenAIResponsesUsage(response.usage);
  const { finishReason, rawFinishReason } = mapOpenAIResponsesFinishReason(response.status, response.incomplete_details?.reason, refused);
  if (usage) accumulator.usage = usage;
  accumulator.finishReason = finishReason;
  accumulator.rawFinishReason = rawFinishReason;
  accumulator.id = response.id;
  accumulator.model = response.model;
  accumulator.rawResponse = withTokenUsage(response, usage);
  accumulator.end();
}

/**
 * Reads a Responses API event stream (`event:` + `data:` frames, or data-only frames: the JSON `type` decides).
 * Ends on `response.completed` / `response.incomplete`; `error` and `response.failed` become `provider` errors
 * naming `provider`.
 */
export function openAIResponsesStreamAdapter(provider: string, requestId?: string): StreamAdapter<ResponsesResponse & GetTokenUsage> {
  let refused = false;
  return {
    onFrame(data, _event, accumulator) {
      const event = data as ResponsesStreamEvent;
      switch (event.type) {
        case 'response.output_text.delta':
          accumulator.text(event.delta ?? '', event.item_id);
          break;
        case 'response.function_call_arguments.delta':
          accumulator.toolCallDelta(event.item_id ?? '', event.delta ?? '');
          break;
        case 'response.reasoning_summary_text.delta':
          accumulator.reasoningDelta(event.item_id ?? '', event.delta ?? '', { id: event.item_id, kind: 'summary' });
          break;
        case 'response.reasoning_text.delta':
          accumulator.reasoningDelta(event.item_id ?? '', event.delta ?? '', { id: event.item_id, kind: 'text' });
          break;
        case 'response.refusal.delta':
          refused = true;
          accumulator.text(event.delta ?? '', event.item_id);
          break;
        case 'response.function_call_arguments.done':
          if (accumulator.hasToolCall(event.item_id ?? '')) accumulator.toolCallEnd(event.item_id ?? '', event.arguments);
          break;
        case 'response.output_item.added': {
          const item = event.item;
          if (item?.type === 'function_call') {
            const call = item as ResponsesFunctionCallItem;
            const id = call.id ?? call.call_id;
            accumulator.toolCallStart(id, { id, callId: call.call_id, name: call.name });
            if (call.arguments) accumulator.toolCallDelta(id, call.arguments);
          } else if (item?.type === 'reasoning') accumulator.reasoningDelta(item.id ?? '', '', { id: item.id });
          break;
        }
        case 'response.output_item.done': {
          const item = event.item;
          if (item?.type === 'message') {
            const block = convertMessageItem(item as ResponsesMessageItem);
            accumulator.textEnd(item.id ?? '', block.text);
            if (block.providerMetadata) accumulator.textMetadata(block.providerMetadata, item.id);
            if (openAIMetadataOf(block)?.refusal) refused = true;
          } else if (item?.type === 'function_call') {
            const call = item as ResponsesFunctionCallItem;
            const id = call.id ?? call.call_id;
            if (accumulator.hasToolCall(id)) accumulator.toolCallEnd(id, call.arguments);
          } else if (item?.type === 'reasoning') accumulator.reasoningEnd(item.id ?? '', convertReasoningItem(item as ResponsesReasoningItem));
          break;
        }
        case 'response.completed':
        case 'response.incomplete':
          if (event.response) finish(event.response, refused, accumulator);
          break;
        case 'response.failed':
          throw responsesProviderError(provider, event.response?.error ?? { message: 'the response failed' }, requestId);
        case 'error':
          throw responsesProviderError(provider, event.error ?? { code: event.code ?? null, message: event.message ?? null, param: event.param ?? null }, requestId);
        default:
          break;
      }
    },
  };
}
