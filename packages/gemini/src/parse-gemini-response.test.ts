import { readJsonFixture } from '@rig-ts/fixtures';
import { describe, expect, it } from 'vitest';
import type { GeminiResponse } from './gemini-api-types.js';
import { parseGeminiResponse } from './parse-gemini-response.js';

describe('parseGeminiResponse', () => {
  it('parses a recorded body, whose rawResponse is the body with tokenUsage()', () => {
    const body = readJsonFixture<GeminiResponse>('google/vercel-ai/google-tool-call.json');
    const response = parseGeminiResponse(body);
    const signature = body.candidates![0]!.content!.parts![0]!.thoughtSignature!;
    expect(response).toEqual({
      choice: [{ type: 'tool-call', id: 'gemini-m36LaZGyCLz1xs0PtNSB-QU-0', function: { name: 'weather', arguments: { location: 'San Francisco' } }, signature }],
      usage: { promptTokens: 29, completionTokens: 908, totalTokens: 937, reasoningTokens: 893 },
      finishReason: 'tool-calls',
      rawFinishReason: 'STOP',
      id: 'm36LaZGyCLz1xs0PtNSB-QU',
      model: 'gemini-3-pro-preview',
      rawResponse: readJsonFixture('google/vercel-ai/google-tool-call.json'),
    });
    expect(response.rawResponse).toBe(body);
    expect((response.rawResponse as GeminiResponse & { tokenUsage(): unknown }).tokenUsage()).toEqual(response.usage);
    expect(JSON.stringify(response.rawResponse)).toBe(JSON.stringify(readJsonFixture('google/vercel-ai/google-tool-call.json')));
  });

  it('reports zero usage (and tokenUsage() undefined) when Gemini sends none', () => {
    const response = parseGeminiResponse({ candidates: [{ content: { parts: [{ text: 'Hi' }] }, finishReason: 'STOP' }] });
    expect(response.usage).toEqual({ promptTokens: 0, completionTokens: 0, totalTokens: 0 });
    expect((response.rawResponse as GeminiResponse & { tokenUsage(): unknown }).tokenUsage()).toBeUndefined();
  });

  it.each([
    [null, 'Gemini answered with a body that is not a response object: null'],
    [[{ candidates: [] }], 'Gemini answered with a body that is not a response object: [{"candidates":[]}]'],
    ['text', 'Gemini answered with a body that is not a response object: "text"'],
  ])('refuses %j', (body, message) => {
    expect(() => parseGeminiResponse(body as unknown as GeminiResponse)).toThrow(expect.objectContaining({ kind: 'response', reason: 'malformed', message }));
  });

  it('refuses a body with no candidate', () => {
    expect(() => parseGeminiResponse({ candidates: [], modelVersion: 'm' })).toThrow(
      expect.objectContaining({ kind: 'response', reason: 'empty', message: 'Gemini answered with no candidate: {"candidates":[],"modelVersion":"m"}' }),
    );
  });
});
