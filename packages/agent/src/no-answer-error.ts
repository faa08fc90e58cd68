import { CompletionError, textOf, type CompletionRequest, type CompletionResponse } from '@rig-ts/core';

/**
 * The error of a final turn that ended without an answer because it was stopped (as Rig 0.42 reports it, #2322): no
 * text and no tool call, with finish reason `length` (the output token limit, often spent on reasoning) or
 * `content-filter`. The message says what to change. `undefined` for any other turn — a turn cut by the limit after
 * some text still answers with that text.
 */
export function noAnswerError(request: CompletionRequest, response: CompletionResponse): CompletionError | undefined {
  if (response.finishReason !== 'length' && response.finishReason !== 'content-filter') return undefined;
  if (textOf(response.choice).trim() !== '' || response.choice.some((block) => block.type === 'tool-call'))
    return undefined;
  const reasoned = response.choice.some((block) => block.type === 'reasoning');
  const raw = response.rawFinishReason === undefined ? '' : ` "${response.rawFinishReason}"`;
  if (response.finishReason === 'content-filter') {
    return new CompletionError({
      kind: 'response',
      reason: 'empty',
      message: `the provider's content filter stopped the model before it wrote an answer (finish reason content-filter${raw}): rephrase the prompt, or check the provider's safety settings`,
    });
  }
  const limit = request.maxTokens === undefined ? "the provider's default limit" : `maxTokens ${request.maxTokens}`;
  return new CompletionError({
    kind: 'response',
    reason: 'truncated',
    message: `the model reached its output token limit (${limit}; finish reason length${raw}) before it wrote an answer${reasoned ? ', having spent it on reasoning' : ''}: raise maxTokens${reasoned ? ', or lower the reasoning effort or budget' : ''}`,
  });
}
