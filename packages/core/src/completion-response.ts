import type { AssistantContent } from './assistant-content.js';
import type { FinishReason } from './finish-reason.js';
import type { OneOrMany } from './one-or-many.js';
import type { Usage } from './usage.js';
import type { Warning } from './warning.js';

/** The normalized result of one completion call. */
export interface CompletionResponse<Raw = unknown> {
  /** What the model produced: text, tool calls and reasoning, in order. */
  choice: OneOrMany<AssistantContent>;
  usage: Usage;
  finishReason: FinishReason;
  /** The provider's own finish reason, unchanged. */
  rawFinishReason?: string;
  /** The provider's response or message id. */
  id?: string;
  /** The model that answered, as the provider reports it. */
  model?: string;
  /** The provider's request id (from `x-request-id` / `request-id`). */
  requestId?: string;
  /** Settings the provider could not honour. */
  warnings?: readonly Warning[];
  /** The provider's wire response. */
  rawResponse: Raw;
}
