import type { ResponsesStreamEvent } from './openai-responses-api-types.js';

const EVENT_TYPES: ReadonlySet<unknown> = new Set<ResponsesStreamEvent['type']>([
  'response.output_text.delta',
  'response.refusal.delta',
  'response.function_call_arguments.delta',
  'response.reasoning_summary_text.delta',
  'response.reasoning_text.delta',
  'response.function_call_arguments.done',
  'response.output_item.added',
  'response.output_item.done',
  'response.completed',
  'response.incomplete',
  'response.failed',
  'error',
]);

/**
 * A stream frame (a JSON object) as one of the events this package reads, or `undefined` for another event type
 * (`response.created`, `response.content_part.added`, … or one OpenAI adds later), which the stream skips. The
 * event's fields are checked where they are read.
 */
export function readResponsesStreamEvent(frame: { [key: string]: unknown }): ResponsesStreamEvent | undefined {
  return EVENT_TYPES.has(frame.type) ? (frame as ResponsesStreamEvent) : undefined;
}
