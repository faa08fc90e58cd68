import {
  CompletionError,
  Message,
  PromptError,
  type AssistantContent,
  type CompletionRequest,
  type CompletionResponse,
  type FinishReason,
  type OneOrMany,
} from '@rig-ts/core';
import { MockCompletionModel } from '@rig-ts/testkit';
import { describe, expect, it } from 'vitest';
import { AgentBuilder } from './agent-builder.js';
import { noAnswerError } from './no-answer-error.js';

function response(
  finishReason: FinishReason,
  choice: AssistantContent[],
  rawFinishReason?: string,
): CompletionResponse {
  const value: CompletionResponse = {
    choice: choice as unknown as OneOrMany<AssistantContent>,
    usage: { promptTokens: 1, completionTokens: 1, totalTokens: 2 },
    finishReason,
    rawResponse: {},
  };
  if (rawFinishReason !== undefined) value.rawFinishReason = rawFinishReason;
  return value;
}

const request: CompletionRequest = { chatHistory: [Message.user('x')], documents: [], tools: [] };
const reasoning: AssistantContent = {
  type: 'reasoning',
  content: [{ type: 'text', text: 'Let me think about this for a long time' }],
};

describe('noAnswerError', () => {
  it('a turn cut by the token limit before any text says to raise maxTokens (and to lower reasoning when it reasoned)', () => {
    expect(noAnswerError({ ...request, maxTokens: 256 }, response('length', [reasoning], 'MAX_TOKENS'))).toMatchObject({
      kind: 'response',
      reason: 'truncated',
      message:
        'the model reached its output token limit (maxTokens 256; finish reason length "MAX_TOKENS") before it wrote an answer, having spent it on reasoning: raise maxTokens, or lower the reasoning effort or budget',
    });
    const plain = noAnswerError(request, response('length', [{ type: 'text', text: '' }]));
    expect(CompletionError.isInstance(plain)).toBe(true);
    expect(plain?.message).toBe(
      "the model reached its output token limit (the provider's default limit; finish reason length) before it wrote an answer: raise maxTokens",
    );
  });

  it('a turn stopped by the content filter before any text says so', () => {
    expect(noAnswerError(request, response('content-filter', [{ type: 'text', text: ' ' }], 'SAFETY'))).toMatchObject({
      kind: 'response',
      reason: 'empty',
      message:
        'the provider\'s content filter stopped the model before it wrote an answer (finish reason content-filter "SAFETY"): rephrase the prompt, or check the provider\'s safety settings',
    });
  });

  it('is nothing for an answer with text (even cut), a tool call, or any other finish', () => {
    expect(noAnswerError(request, response('length', [{ type: 'text', text: 'Partial answ' }]))).toBeUndefined();
    expect(
      noAnswerError(
        request,
        response('length', [{ type: 'tool-call', id: '1', function: { name: 'f', arguments: {} } }]),
      ),
    ).toBeUndefined();
    for (const finish of ['stop', 'tool-calls', 'other'] as const)
      expect(noAnswerError(request, response(finish, [reasoning]))).toBeUndefined();
  });
});

describe('an agent turn that ends with no answer because it was stopped', () => {
  it('fails prompt with a completion PromptError carrying the hint and the conversation', async () => {
    const model = new MockCompletionModel([
      { reasoning: 'thinking and thinking', finishReason: 'length', rawFinishReason: 'max_output_tokens' },
    ]);
    const error = await new AgentBuilder(model)
      .maxTokens(64)
      .build()
      .prompt('Solve it')
      .catch((caught: unknown) => caught);
    expect(PromptError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      kind: 'completion',
      message:
        'the model reached its output token limit (maxTokens 64; finish reason length "max_output_tokens") before it wrote an answer, having spent it on reasoning: raise maxTokens, or lower the reasoning effort or budget',
      cause: { kind: 'response', reason: 'truncated' },
    });
    expect((error as PromptError & { history: Message[] }).history.map((message) => message.role)).toEqual([
      'user',
      'assistant',
    ]);
  });

  it('fails a streamed run the same way, after the items of the turn', async () => {
    const model = new MockCompletionModel([{ finishReason: 'content-filter' }]);
    const stream = await new AgentBuilder(model).build().streamPrompt('x');
    await expect(stream.final).rejects.toMatchObject({
      kind: 'completion',
      cause: { kind: 'response', reason: 'empty' },
    });
  });

  it('returns a text cut by the limit as the answer', async () => {
    const model = new MockCompletionModel([{ text: 'The answer is', finishReason: 'length' }]);
    expect(await new AgentBuilder(model).build().prompt('x')).toBe('The answer is');
  });
});
