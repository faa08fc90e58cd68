import { describe, expect, it } from 'vitest';
import type { OllamaResponse } from './ollama-api-types.js';
import { parseOllamaResponse } from './parse-ollama-response.js';
import { chatExamples } from './test-utils/ollama-docs.js';

const examples = chatExamples();

describe('parseOllamaResponse', () => {
  // rig-ts never sends these requests (no messages); an answer without content is an empty response error.
  it.each([
    ['Load a model', 'load'],
    ['Unload a model', 'unload'],
  ])('refuses the documented answer to "%s" (done_reason "%s") as an empty answer', (title, reason) => {
    expect(() => parseOllamaResponse(examples.get(title)!.responses[0]!)).toThrow(
      expect.objectContaining({
        name: 'CompletionError.Response',
        kind: 'response',
        reason: 'empty',
        message: `Ollama sent an empty answer: no text, tool call or reasoning (finish reason "${reason}")`,
      }),
    );
  });

  it('keeps an empty answer the token limit explains', () => {
    expect(
      parseOllamaResponse({
        model: 'm',
        message: { role: 'assistant', content: '' },
        done: true,
        done_reason: 'length',
      }),
    ).toMatchObject({ choice: [{ type: 'text', text: '' }], finishReason: 'length', rawFinishReason: 'length' });
  });

  it('gives the body itself as rawResponse, with tokenUsage()', () => {
    const body = examples.get('Chat request (No streaming)')!.responses[0]!;
    const response = parseOllamaResponse(body);
    expect(response.rawResponse).toBe(body);
    expect((response.rawResponse as OllamaResponse & { tokenUsage(): unknown }).tokenUsage()).toEqual({
      promptTokens: 26,
      completionTokens: 298,
      totalTokens: 324,
    });
    expect(Object.keys(response.rawResponse)).toEqual(Object.keys(body));
  });

  it('refuses an answer that is not finished', () => {
    expect(() =>
      parseOllamaResponse({ model: 'm', message: { role: 'assistant', content: 'Hi' }, done: false }),
    ).toThrow(
      expect.objectContaining({
        kind: 'response',
        reason: 'truncated',
        message:
          'Ollama answered with an unfinished response (no "done": true): {"model":"m","message":{"role":"assistant","content":"Hi"},"done":false}',
      }),
    );
  });

  it('turns an { error } body into a provider error', () => {
    expect(() => parseOllamaResponse({ error: 'the model failed to generate a response' })).toThrow(
      expect.objectContaining({
        kind: 'provider',
        message: 'Ollama reported an error: the model failed to generate a response',
      }),
    );
  });
});
