import type { AnthropicStreamEvent } from './anthropic-api-types.js';

const EVENT_TYPES: ReadonlySet<string> = new Set<AnthropicStreamEvent['type']>([
  'message_start',
  'content_block_start',
  'content_block_delta',
  'content_block_stop',
  'message_delta',
  'message_stop',
  'ping',
  'error',
]);

/**
 * A stream frame (a JSON object) as one of the events this package reads, or `undefined` for an event type it does
 * not know: Anthropic may add event types, and asks clients to skip them. The event's fields are checked where they
 * are read.
 */
export function readAnthropicStreamEvent(frame: { [key: string]: unknown }): AnthropicStreamEvent | undefined {
  return typeof frame.type === 'string' && EVENT_TYPES.has(frame.type) ? (frame as AnthropicStreamEvent) : undefined;
}
