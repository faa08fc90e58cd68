import type { AssistantContent } from './assistant-content.js';
import { CompletionError } from './errors/completion-error.js';
import type { FinishReason } from './finish-reason.js';

/** True when `content` carries nothing: no block, or only text blocks without text and without provider data. */
export function isEmptyContent(content: readonly AssistantContent[]): boolean {
  for (const block of content)
    if (block.type !== 'text' || block.text !== '' || block.providerMetadata !== undefined) return false;
  return true;
}

/**
 * Refuses an answer without content (no text, tool call or reasoning) whose finish reason does not explain it: such an
 * answer is an error, not an empty text that finished normally. An answer cut by the token limit (`length`) or
 * withheld by a content filter (`content-filter`) may be empty: it comes back as an empty text with that reason.
 * @param source who sent it, for the message (`OpenAI`, `the stream`).
 * @throws {CompletionError} of kind `response`, reason `empty`.
 */
export function rejectEmptyAnswer(
  content: readonly AssistantContent[],
  finishReason: FinishReason,
  rawFinishReason: string | undefined,
  source: string,
): void {
  if (finishReason === 'length' || finishReason === 'content-filter' || !isEmptyContent(content)) return;
  throw new CompletionError({
    kind: 'response',
    reason: 'empty',
    message: `${source} sent an empty answer: no text, tool call or reasoning (finish reason ${JSON.stringify(rawFinishReason ?? finishReason)})`,
  });
}
