import type { FinishReason } from '@rig-ts/core';

/**
 * The finish reason of a Responses API response, from its status and incomplete details; `hasRefusal` turns a
 * completed refusal into `content-filter`. Returns the raw value kept beside it.
 */
export function mapOpenAIResponsesFinishReason(
  status: string | undefined,
  incompleteReason: string | undefined,
  hasRefusal: boolean,
): { finishReason: FinishReason; rawFinishReason: string } {
  if (status === 'incomplete') {
    const raw = incompleteReason ?? 'incomplete';
    return {
      finishReason: raw === 'max_output_tokens' ? 'length' : raw === 'content_filter' ? 'content-filter' : 'other',
      rawFinishReason: raw,
    };
  }
  if (status === 'completed')
    return {
      finishReason: hasRefusal ? 'content-filter' : 'stop',
      rawFinishReason: hasRefusal ? 'refusal' : 'completed',
    };
  return { finishReason: 'other', rawFinishReason: status ?? 'unknown' };
}
