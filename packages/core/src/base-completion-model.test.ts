import { describe, expect, it } from 'vitest';
import { CompletionError } from './errors/completion-error.js';
import { PromptError } from './errors/prompt-error.js';
import { Message } from './message.js';
import { RecordingModel } from './test-utils/recording-model.js';

describe('BaseCompletionModel', () => {
  it('prompt() sends the prompt and returns the joined text', async () => {
    const model = new RecordingModel(async () => ({
      choice: [
        { type: 'reasoning', content: [{ type: 'text', text: 'hmm' }] },
        { type: 'text', text: 'Quantum ' },
        { type: 'text', text: 'computing…' },
      ],
      usage: { promptTokens: 1, completionTokens: 1, totalTokens: 2 },
      finishReason: 'stop',
      rawResponse: { raw: true },
    }));
    expect(await model.prompt('Explain quantum computing')).toBe('Quantum computing…');
    expect(model.requests[0]?.request).toEqual({
      chatHistory: [Message.user('Explain quantum computing')],
      documents: [],
      tools: [],
    });
  });

  it('chat() puts the history before the prompt and leaves it unchanged', async () => {
    const model = new RecordingModel();
    const history = [Message.user('Previous context')];
    await model.chat('Continue the discussion', history);
    expect(model.requests[0]?.request.chatHistory).toEqual([
      Message.user('Previous context'),
      Message.user('Continue the discussion'),
    ]);
    expect(history).toEqual([Message.user('Previous context')]);
  });

  it('wraps a CompletionError in a completion PromptError', async () => {
    const failure = new CompletionError({
      kind: 'http',
      message: 'HTTP 401 from POST http://x/v1/responses: bad key',
      status: 401,
    });
    const model = new RecordingModel(() => Promise.reject(failure));
    const error = await model.prompt('hi').catch((caught: unknown) => caught);
    expect(PromptError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      kind: 'completion',
      message: 'HTTP 401 from POST http://x/v1/responses: bad key',
      name: 'PromptError.Completion',
    });
    expect((error as PromptError).cause).toBe(failure);
  });

  it('rejects an aborted prompt with the signal’s reason itself, as send() and fetch do', async () => {
    const controller = new AbortController();
    const model = new RecordingModel(
      (_request, options) =>
        new Promise((_resolve, reject) =>
          options?.signal?.addEventListener('abort', () => reject(new TypeError('the model’s own wrapping')), {
            once: true,
          }),
        ),
    );
    const pending = model.prompt('hi', { signal: controller.signal });
    const reason = new Error('user left');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    const byDefault = new AbortController();
    const aborted = model.chat('hi', [], { signal: byDefault.signal });
    byDefault.abort();
    const error = await aborted.catch((caught: unknown) => caught);
    expect(error).toBe(byDefault.signal.reason);
    expect(error).toMatchObject({ name: 'AbortError' });
  });

  it('rejects an invalid prompt with a completion PromptError of kind request', async () => {
    const model = new RecordingModel();
    const error = await model.prompt('').catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      kind: 'completion',
      cause: { kind: 'request', message: 'prompt is empty (chatHistory[0] has no text)' },
    });
    expect(model.requests).toEqual([]);
  });

  it('wraps what a model throws besides CompletionErrors in a completion PromptError, the original kept as the cause’s cause', async () => {
    const bug = new TypeError('bug');
    const model = new RecordingModel(() => Promise.reject(bug));
    const error = await model.prompt('hi').catch((caught: unknown) => caught);
    expect(PromptError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      name: 'PromptError.Completion',
      kind: 'completion',
      message: 'the model call failed with an unexpected error: TypeError: bug',
      cause: {
        name: 'CompletionError.Response',
        kind: 'response',
        reason: 'unexpected',
        isRetryable: false,
        message: 'the model call failed with an unexpected error: TypeError: bug',
      },
    });
    expect(((error as PromptError).cause as CompletionError).cause).toBe(bug);
    const thrownString = await new RecordingModel(() => Promise.reject('x'.repeat(1000)))
      .prompt('hi')
      .catch((caught: unknown) => caught);
    expect((thrownString as PromptError).message).toBe(
      `the model call failed with an unexpected error: ${'x'.repeat(300)}…`,
    );
  });

  it('streamPrompt() and streamChat() stream the same request shape', async () => {
    const model = new RecordingModel();
    await model.streamPrompt('a');
    await model.streamChat('b', [Message.user('earlier')]);
    expect(model.requests.map((entry) => entry.request.chatHistory)).toEqual([
      [Message.user('a')],
      [Message.user('earlier'), Message.user('b')],
    ]);
  });
});
