import { type GetTokenUsage } from '@rig-ts/core';
import { withTokenUsage, expectObject, expectOptionalString, expectString } from '@rig-ts/core/internal';
import type { StreamAccumulator, StreamAdapter } from '@rig-ts/streaming/internal';
import { openAIMetadataOf } from '../openai-metadata.js';
import type { ResponsesFunctionCallItem, ResponsesResponse } from './openai-responses-api-types.js';
import { convertMessageItem, convertReasoningItem, hasRawOnlyOutput } from './convert-openai-responses-output.js';
import { convertOpenAIResponsesUsage } from './convert-openai-responses-usage.js';
import { mapOpenAIResponsesFinishReason } from './map-openai-responses-finish-reason.js';
import { responsesProviderError } from './openai-responses-error.js';
import { readResponsesOutputItem } from './read-openai-responses-output-item.js';
import { readResponsesStreamEvent } from './read-openai-responses-stream-event.js';

type Accumulator = StreamAccumulator<ResponsesResponse & GetTokenUsage>;

function finish(response: ResponsesResponse, refused: boolean, accumulator: Accumulator): void {
  const usage = convertOpenAIResponsesUsage(response.usage);
  const status = expectOptionalString(response.status, 'response.status');
  const incompleteReason = expectOptionalString(
    response.incomplete_details?.reason,
    'response.incomplete_details.reason',
  );
  const { finishReason, rawFinishReason } = mapOpenAIResponsesFinishReason(status, incompleteReason, refused);
  if (usage) accumulator.usage = usage;
  accumulator.finishReason = finishReason;
  accumulator.rawFinishReason = rawFinishReason;
  accumulator.id = expectOptionalString(response.id, 'response.id');
  accumulator.model = expectOptionalString(response.model, 'response.model');
  accumulator.rawOnlyOutput = hasRawOnlyOutput(response.output);
  accumulator.rawResponse = withTokenUsage(response, usage);
  accumulator.end();
}

/** The function call an output item announces or completes: its key, ids, name and arguments, read strictly. */
function functionCall(item: ResponsesFunctionCallItem): {
  key: string;
  callId: string;
  name: string;
  arguments: string | undefined;
} {
  const callId = expectString(item.call_id, 'item.call_id');
  return {
    key: expectOptionalString(item.id, 'item.id') ?? callId,
    callId,
    name: expectString(item.name, 'item.name'),
    arguments: expectOptionalString(item.arguments, 'item.arguments'),
  };
}

/**
 * Reads a Responses API event stream (`event:` + `data:` frames, or data-only frames: the JSON `type` decides).
 * `response.completed` / `response.incomplete` is the end event; `error` and `response.failed` become `provider` errors
 * naming `provider`. A delta that is not a string, and any other field of the wrong type, fails the stream as malformed.
 * A function call left incomplete (the token limit) stays open: the accumulator reports it as cut.
 */
export function openAIResponsesStreamAdapter(
  provider: string,
  requestId?: string,
): StreamAdapter<ResponsesResponse & GetTokenUsage> {
  let refused = false;
  return {
    onFrame(data, _event, accumulator) {
      const event = readResponsesStreamEvent(expectObject(data, 'the event'));
      // An event type this package does not read (OpenAI sends more, and may add some) is skipped.
      if (event === undefined) return;
      switch (event.type) {
        case 'response.output_text.delta':
          accumulator.text(expectString(event.delta, 'delta'), expectOptionalString(event.item_id, 'item_id'));
          break;
        case 'response.function_call_arguments.delta':
          accumulator.toolCallDelta(
            expectOptionalString(event.item_id, 'item_id') ?? '',
            expectString(event.delta, 'delta'),
          );
          break;
        case 'response.reasoning_summary_text.delta': {
          const id = expectOptionalString(event.item_id, 'item_id');
          accumulator.reasoningDelta(id ?? '', expectString(event.delta, 'delta'), { id, kind: 'summary' });
          break;
        }
        case 'response.reasoning_text.delta': {
          const id = expectOptionalString(event.item_id, 'item_id');
          accumulator.reasoningDelta(id ?? '', expectString(event.delta, 'delta'), { id, kind: 'text' });
          break;
        }
        case 'response.refusal.delta':
          refused = true;
          accumulator.text(expectString(event.delta, 'delta'), expectOptionalString(event.item_id, 'item_id'));
          break;
        case 'response.function_call_arguments.done': {
          const key = expectOptionalString(event.item_id, 'item_id') ?? '';
          const args = expectOptionalString(event.arguments, 'arguments');
          if (accumulator.hasToolCall(key)) accumulator.toolCallEnd(key, args);
          break;
        }
        case 'response.output_item.added': {
          const item = readResponsesOutputItem(event.item, 'item');
          if (item?.type === 'function_call') {
            const call = functionCall(item);
            accumulator.toolCallStart(call.key, { id: call.key, callId: call.callId, name: call.name });
            if (call.arguments) accumulator.toolCallDelta(call.key, call.arguments);
          } else if (item?.type === 'reasoning') {
            const id = expectOptionalString(item.id, 'item.id');
            accumulator.reasoningDelta(id ?? '', '', { id });
          }
          break;
        }
        case 'response.output_item.done': {
          const item = readResponsesOutputItem(event.item, 'item');
          if (item?.type === 'message') {
            const block = convertMessageItem(item);
            const id = expectOptionalString(item.id, 'item.id') ?? '';
            accumulator.textEnd(id, block.text);
            if (block.providerMetadata) accumulator.textMetadata(block.providerMetadata, id);
            if (openAIMetadataOf(block)?.refusal) refused = true;
          } else if (item?.type === 'function_call') {
            const call = functionCall(item);
            // An incomplete call (cut by the token limit) is not ended here: the accumulator reports it at the end.
            if (accumulator.hasToolCall(call.key) && item.status !== 'incomplete')
              accumulator.toolCallEnd(call.key, call.arguments);
          } else if (item?.type === 'reasoning') {
            const block = convertReasoningItem(item);
            accumulator.reasoningEnd(block.id ?? '', block);
          }
          break;
        }
        case 'response.completed':
        case 'response.incomplete':
          expectObject(event.response, 'response');
          finish(event.response, refused, accumulator);
          break;
        case 'response.failed':
          throw responsesProviderError(
            provider,
            event.response?.error ?? { message: 'the response failed' },
            requestId,
          );
        case 'error':
          throw responsesProviderError(
            provider,
            event.error ?? { code: event.code ?? null, message: event.message ?? null, param: event.param ?? null },
            requestId,
          );
        default: {
          // Exhaustive: a new member of the union does not compile here.
          const unhandled: never = event;
          return unhandled;
        }
      }
    },
  };
}
