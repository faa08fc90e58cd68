import type { AssistantContent } from './assistant-content.js';
import type { FinishReason } from './finish-reason.js';
import { OneOrMany } from './one-or-many.js';

/** A response's content as a non-empty list: an empty answer becomes one empty text block. */
export function toChoice(content: AssistantContent[]): OneOrMany<AssistantContent> {
  return OneOrMany.orElse<AssistantContent>(content, { type: 'text', text: '' });
}

/** `stop` becomes `tool-calls` when the turn holds a tool call (many gateways report `stop` for tool turns). */
export function reconcileFinishReason(reason: FinishReason, content: readonly AssistantContent[]): FinishReason {
  if (reason !== 'stop') return reason;
  for (const block of content) if (block.type === 'tool-call') return 'tool-calls';
  return reason;
}
