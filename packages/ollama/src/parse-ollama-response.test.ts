import { describe, expect, it } from 'vitest';
import type { OllamaResponse } from './ollama-api-types.js';
import { parseOllamaResponse } from './parse-ollama-response.js';
import { chatExamples } from './test-utils/ollama-docs.js';

const examples = chatExamples();

describe('parseOllamaResponse', () => {
  it('parses the documented answer to a model load (done_reason "load") as an empty answer', () => {
    const body = examples.get('Load a model')!.responses[0]!;
    expect(parseOllamaResponse(body)).toEqual({
      choice: [{ type: 'text', text: '' }],
      usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0 },
      finishReason: 'other',
      rawFinishReason: 'load',
      model: 'llama3.2',
      rawResponse: body,
    });
  });

  it('parses the documented answer to an unload (done_reason "unload")', () => {
    const response = parseOllamaResponse(examples.get('Unload a model')!.responses[0]!);
    expect([response.finishReason, response.rawFinishReason]).toEqual(['other', 'unload']);
  });

  it('gives the body itself as rawResponse, with tokenUsage()', () => {
    const body = examples.get('Chat request (No streaming)')!.responses[0]!;
    const response = parseOllamaResponse(body);
    expect(response.rawResponse).toBe(body);
    expect((response.rawResponse as OllamaResponse & { tokenUsage(): unknown }).tokenUsage()).toEqual({ promptTokens: 26, completionTokens: 298, totalTokens: 324 });
    expect(Object.keys(response.rawResponse)).toEqual(Object.keys(body));
  });

  it('refuses an answer that is not finished', () => {
    expect(() => parseOllamaResponse({ model: 'm', message: { role: 'assistant', content: 'Hi' }, done: false })).toThrow(
      expect.objectContaining({
        kind: 'response',
        reason: 'truncated',
        message: 'Ollama answered with an unfinished response (no "done": true): {"model":"m","message":{"role":"assistant","content":"Hi"},"done":false}',
      }),
    );
  });

  it('turns an { error } body into a provider error', () => {
    expect(() => parseOllamaResponse({ error: 'the model failed to generate a response' })).toThrow(
      expect.objectContaining({ kind: 'provider', message: 'Ollama reported an error: the model failed to generate a response' }),
    );
  });
});
