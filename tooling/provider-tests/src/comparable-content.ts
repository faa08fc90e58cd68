import type { CompletionResponse } from '@rig-ts/core';

/**
 * What a stream's result and the non-streamed parse of the same content must hold alike: the choice (a reasoning
 * item's encrypted payload only as present), usage, finish reasons, id and model.
 */
export function comparableContent(response: CompletionResponse): unknown {
  // A reasoning item's encrypted payload is sent twice, encrypted anew each time (in `output_item.done` and in
  // `response.completed`); both are valid, so only its presence is compared.
  const choice = response.choice.map((block) =>
    block.type === 'reasoning'
      ? {
          ...block,
          content: block.content.map((part) =>
            part.type === 'encrypted' ? { type: 'encrypted', data: '<present>' } : part,
          ),
        }
      : block,
  );
  return {
    choice,
    usage: response.usage,
    finishReason: response.finishReason,
    rawFinishReason: response.rawFinishReason,
    id: response.id,
    model: response.model,
  };
}
