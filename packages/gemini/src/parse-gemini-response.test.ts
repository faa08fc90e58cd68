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
      choice: [
        {
          type: 'tool-call',
          id: 'gemini-m36LaZGyCLz1xs0PtNSB-QU-0',
          function: { name: 'weather', arguments: { location: 'San Francisco' } },
          signature,
        },
      ],
      usage: { promptTokens: 29, completionTokens: 908, totalTokens: 937, reasoningTokens: 893 },
      finishReason: 'tool-calls',
      rawFinishReason: 'STOP',
      id: 'm36LaZGyCLz1xs0PtNSB-QU',
      model: 'gemini-3-pro-preview',
      rawResponse: readJsonFixture('google/vercel-ai/google-tool-call.json'),
    });
    expect(response.rawResponse).toBe(body);
    expect((response.rawResponse as GeminiResponse & { tokenUsage(): unknown }).tokenUsage()).toEqual(response.usage);
    expect(JSON.stringify(response.rawResponse)).toBe(
      JSON.stringify(readJsonFixture('google/vercel-ai/google-tool-call.json')),
    );
  });

  it('reports zero usage (and tokenUsage() undefined) when Gemini sends none', () => {
    const response = parseGeminiResponse({
      candidates: [{ content: { parts: [{ text: 'Hi' }] }, finishReason: 'STOP' }],
    });
    expect(response.usage).toEqual({ promptTokens: 0, completionTokens: 0, totalTokens: 0 });
    expect((response.rawResponse as GeminiResponse & { tokenUsage(): unknown }).tokenUsage()).toBeUndefined();
  });

  it.each([
    // The message describes the body; the body itself is the error's `body`.
    [null, 'Gemini answered with a body that is not a response object (got null)', 'null'],
    [
      [{ candidates: [] }],
      'Gemini answered with a body that is not a response object (got an array of 1 items)',
      '[{"candidates":[]}]',
    ],
    ['text', 'Gemini answered with a body that is not a response object (got a string of 4 characters)', '"text"'],
  ])('refuses %j', (value, message, body) => {
    expect(() => parseGeminiResponse(value as unknown as GeminiResponse)).toThrow(
      expect.objectContaining({ kind: 'response', reason: 'malformed', message, body }),
    );
  });

  it('refuses a candidate without content that stopped normally, and keeps one a safety filter or the token limit explains', () => {
    expect(() =>
      parseGeminiResponse({ candidates: [{ content: { role: 'model', parts: [] }, finishReason: 'STOP' }] }),
    ).toThrow(
      expect.objectContaining({
        name: 'CompletionError.Response',
        kind: 'response',
        reason: 'empty',
        message: 'Gemini sent an empty answer: no text, tool call or reasoning (finish reason "STOP")',
      }),
    );
    expect(() => parseGeminiResponse({ candidates: [{ finishReason: 'STOP' }] })).toThrow(
      expect.objectContaining({ reason: 'empty' }),
    );
    for (const [finishReason, mapped] of [
      ['SAFETY', 'content-filter'],
      ['MAX_TOKENS', 'length'],
    ] as const) {
      expect(parseGeminiResponse({ candidates: [{ finishReason }] })).toMatchObject({
        choice: [{ type: 'text', text: '' }],
        finishReason: mapped,
        rawFinishReason: finishReason,
      });
    }
    // Code the provider ran, with no text: kept in the raw response, not empty.
    expect(
      parseGeminiResponse({
        candidates: [
          {
            content: {
              parts: [
                { executableCode: { language: 'PYTHON', code: 'print(1)' } },
                { codeExecutionResult: { outcome: 'OUTCOME_OK', output: '1' } },
              ],
            },
            finishReason: 'STOP',
          },
        ],
      }).choice,
    ).toEqual([{ type: 'text', text: '' }]);
  });

  it('refuses a body with no candidate', () => {
    expect(() => parseGeminiResponse({ candidates: [], modelVersion: 'm' })).toThrow(
      expect.objectContaining({
        kind: 'response',
        reason: 'empty',
        message: 'Gemini answered with no candidate: {"candidates":[],"modelVersion":"m"}',
      }),
    );
  });
});
