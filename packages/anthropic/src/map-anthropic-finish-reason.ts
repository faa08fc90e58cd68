import type { FinishReason } from '@rig-ts/core';

/**
 * Anthropic's `stop_reason` as a {@link FinishReason}: `end_turn`, `stop_sequence` and `pause_turn` (a server tool
 * paused a long turn) are `stop`; `max_tokens` and `model_context_window_exceeded` are `length`; `tool_use` is
 * `tool-calls`; `refusal` is `content-filter`; anything else is `other`.
 */
export function mapAnthropicFinishReason(reason: string | null | undefined): FinishReason {
  switch (reason) {
    case 'end_turn':
    case 'stop_sequence':
    case 'pause_turn':
      return 'stop';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool-calls';
    case 'refusal':
      return 'content-filter';
    default:
      return 'other';
  }
}
