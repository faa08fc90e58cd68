import { describe, expect, it } from 'vitest';
import type { AssistantContent } from './assistant-content.js';
import { isEmptyContent, rejectEmptyAnswer } from './empty-answer.js';
import { CompletionError } from './errors/completion-error.js';
import type { FinishReason } from './finish-reason.js';
import { thrown } from './test-utils/thrown.js';

const call: AssistantContent = { type: 'tool-call', id: 'c1', function: { name: 'f', arguments: {} } };
const reasoning: AssistantContent = { type: 'reasoning', content: [{ type: 'text', text: '' }] };

describe('isEmptyContent', () => {
  it.each<[string, AssistantContent[], boolean]>([
    ['no block', [], true],
    ['an empty text', [{ type: 'text', text: '' }], true],
    [
      'two empty texts',
      [
        { type: 'text', text: '' },
        { type: 'text', text: '' },
      ],
      true,
    ],
    ['text', [{ type: 'text', text: 'hi' }], false],
    ['a tool call only', [call], false],
    ['reasoning only', [reasoning], false],
    [
      'an empty text carrying provider data (a server tool block, citations)',
      [{ type: 'text', text: '', providerMetadata: { anthropic: { block: { type: 'server_tool_use' } } } }],
      false,
    ],
  ])('%s → %s', (_name, content, empty) => {
    expect(isEmptyContent(content)).toBe(empty);
  });
});

describe('rejectEmptyAnswer', () => {
  it.each<[FinishReason, string | undefined, string]>([
    ['stop', 'stop', 'OpenAI sent an empty answer: no text, tool call or reasoning (finish reason "stop")'],
    ['stop', 'end_turn', 'OpenAI sent an empty answer: no text, tool call or reasoning (finish reason "end_turn")'],
    ['other', undefined, 'OpenAI sent an empty answer: no text, tool call or reasoning (finish reason "other")'],
    [
      'tool-calls',
      'tool_calls',
      'OpenAI sent an empty answer: no text, tool call or reasoning (finish reason "tool_calls")',
    ],
  ])('refuses an empty answer that finished with %s', (finishReason, raw, message) => {
    const error = thrown(() => rejectEmptyAnswer([], finishReason, raw, 'OpenAI'));
    expect(CompletionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      name: 'CompletionError.Response',
      kind: 'response',
      reason: 'empty',
      isRetryable: false,
      message,
    });
  });

  it('lets an empty answer through when the token limit or a content filter explains it', () => {
    expect(() => rejectEmptyAnswer([], 'length', 'max_tokens', 'the stream')).not.toThrow();
    expect(() =>
      rejectEmptyAnswer([{ type: 'text', text: '' }], 'content-filter', 'refusal', 'Anthropic'),
    ).not.toThrow();
  });

  it('lets content through', () => {
    expect(() => rejectEmptyAnswer([call], 'stop', 'stop', 'x')).not.toThrow();
    expect(() => rejectEmptyAnswer([{ type: 'text', text: 'a' }], 'stop', 'stop', 'x')).not.toThrow();
  });
});
