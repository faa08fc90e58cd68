import { describe, expect, it } from 'vitest';
import { CompletionError } from './errors/completion-error.js';
import { PromptError } from './errors/prompt-error.js';
import { Message } from './message.js';
import { RecordingModel } from './test-utils/recording-model.js';

describe('BaseCompletionModel', () => {
  it('prompt() sends the prompt and returns the joined text', async () => {
    const model = new RecordingModel(async () => ({
      choice: [{ type: 'reasoning', content: [{ type: 'text', text: 'hmm' }] }, { type: 'text', text: 'Quantum ' }, { type: 'text', text: 'computing…' }],
      usage: { promptTokens: 1, completionTokens: 1, totalTokens: 2 },
      finishReason: 'stop',
      rawResponse: { raw: true },
    }));
    expect(await model.prompt('Explain quantum computing')).toBe('Quantum computing…');
    expect(model.requests[0]?.request).toEqual({ chatHistory: [Message.user('Explain quantum computing')], documents: [], tools: [] });
  });

  it('chat() puts the history before the prompt and leaves it unchanged', async () => {
    const model = new RecordingModel();
    const history = [Message.user('Previous context')];
    await model.chat('Continue the discussion', history);
    expect(model.requests[0]?.request.chatHistory).toEqual([Message.user('Previous context'), Message.user('Continue the discussion')]);
    expect(history).toEqual([Message.user('Previous context')]);
  });

  it('wraps a CompletionError in a completion PromptError', async () => {
    const failure = new CompletionError({ kind: 'http', message: 'HTTP 401 from POST http://x/v1/responses: bad key', status: 401 });
    const model = new RecordingModel(() => Promise.reject(failure));
    const error = await model.prompt('hi').catch((caught: unknown) => caught);
    expect(PromptError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'completion', message: 'HTTP 401 from POST http://x/v1/responses: bad key', name: 'PromptError.Completion' });
    expect((error as PromptError).cause).toBe(failure);
  });

  it('turns an abort into a cancelled PromptError carrying the reason', async () => {
    const controller = new AbortController();
    const model = new RecordingModel(
      (_request, options) =>
        new Promise((_resolve, reject) => options?.signal?.addEventListener('abort', () => reject(options.signal?.reason), { once: true })),
    );
    const pending = model.prompt('hi', { signal: controller.signal });
    controller.abort(new Error('user left'));
    const error = await pending.catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'cancelled', reason: new Error('user left') });
  });

  it('rejects an invalid prompt with a completion PromptError of kind request', async () => {
    const model = new RecordingModel();
    const error = await model.prompt('').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'completion', cause: { kind: 'request', message: 'prompt is empty (chatHistory[0] has no text)' } });
    expect(model.requests).toEqual([]);
  });

  it('rethrows unknown failures unchanged', async () => {
    const bug = new TypeError('bug');
    const model = new RecordingModel(() => Promise.reject(bug));
    await expect(model.prompt('hi')).rejects.toBe(bug);
  });

  it('streamPrompt() and streamChat() stream the same request shape', async () => {
    const model = new RecordingModel();
    await model.streamPrompt('a');
    await model.streamChat('b', [Message.user('earlier')]);
    expect(model.requests.map((entry) => entry.request.chatHistory)).toEqual([[Message.user('a')], [Message.user('earlier'), Message.user('b')]]);
  });
});
