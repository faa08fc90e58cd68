import type { StreamedAssistantContent } from '@rig-ts/core';
import { createStreamingResponse } from '@rig-ts/streaming/internal';
import { describe, expect, it } from 'vitest';
import type { GeminiResponse } from './gemini-api-types.js';
import { geminiStreamAdapter } from './gemini-stream.js';

function transport(wire: string) {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(wire));
      controller.close();
    },
  });
  return { body, abort() {}, mapError: (error: unknown) => error, settle() {} };
}

const frame = (value: unknown) => `data: ${JSON.stringify(value)}\r\n\r\n`;
const event = (text: string, finishReason?: string): GeminiResponse => ({
  candidates: [{ content: { role: 'model', parts: [{ text }] }, ...(finishReason ? { finishReason } : {}) }],
  usageMetadata: { promptTokenCount: 4, candidatesTokenCount: text.length, totalTokenCount: 4 + text.length },
  responseId: 'r-7',
  modelVersion: 'gemini-2.5-flash',
});

describe('geminiStreamAdapter', () => {
  it('ends at the event with a finishReason and usage: what follows is not read', async () => {
    const last = event('Hi', 'STOP');
    const stream = createStreamingResponse(
      transport(
        frame(event('Hello. ')) +
          frame(last) +
          frame(event(' EXTRA')) +
          frame(event('more', 'STOP')) +
          'data: {oops\r\n\r\n',
      ),
      'sse',
      geminiStreamAdapter(),
    );
    const items: StreamedAssistantContent[] = [];
    for await (const item of stream) items.push(item);
    expect(items.filter((item) => item.type === 'text')).toEqual([
      { type: 'text', text: 'Hello. ' },
      { type: 'text', text: 'Hi' },
    ]);
    expect(await stream.final).toEqual({
      choice: [{ type: 'text', text: 'Hello. Hi' }],
      usage: { promptTokens: 4, completionTokens: 2, totalTokens: 6 },
      finishReason: 'stop',
      rawFinishReason: 'STOP',
      id: 'r-7',
      model: 'gemini-2.5-flash',
      rawResponse: last,
    });
  });

  it('reads on after the intermediate finishReason of a code-execution round, to the next end', async () => {
    // The round: the code and its result, then a finishReason (with usage) that does not end the answer.
    const round: GeminiResponse = {
      candidates: [
        {
          content: {
            role: 'model',
            parts: [
              { executableCode: { language: 'PYTHON', code: 'print(6 * 7)' } },
              { codeExecutionResult: { outcome: 'OUTCOME_OK', output: '42\n' } },
            ],
          },
          finishReason: 'STOP',
        },
      ],
      usageMetadata: { promptTokenCount: 4, candidatesTokenCount: 9, totalTokenCount: 13 },
      responseId: 'r-7',
      modelVersion: 'gemini-2.5-flash',
    };
    const last = event('Done.', 'STOP');
    const stream = createStreamingResponse(
      transport(
        frame(event('Running code.')) +
          frame(round) +
          frame(event(' The result is 42.')) +
          frame(last) +
          frame(event(' EXTRA')),
      ),
      'sse',
      geminiStreamAdapter(),
    );
    const items: StreamedAssistantContent[] = [];
    for await (const item of stream) items.push(item);
    const final = await stream.final;
    expect(items.slice(0, 3)).toEqual([
      { type: 'text', text: 'Running code.' },
      { type: 'text', text: ' The result is 42.' },
      { type: 'text', text: 'Done.' },
    ]);
    expect(final).toEqual({
      choice: [{ type: 'text', text: 'Running code. The result is 42.Done.' }],
      usage: { promptTokens: 4, completionTokens: 5, totalTokens: 9 },
      finishReason: 'stop',
      rawFinishReason: 'STOP',
      id: 'r-7',
      model: 'gemini-2.5-flash',
      rawResponse: last,
    });
  });

  it('ends at the end of the body after a finishReason that came without usage', async () => {
    const last: GeminiResponse = {
      candidates: [{ content: { role: 'model', parts: [{ text: ' there' }] }, finishReason: 'STOP' }],
      responseId: 'r-7',
    };
    const stream = createStreamingResponse(transport(frame(event('Hi')) + frame(last)), 'sse', geminiStreamAdapter());
    expect((await stream.final).choice).toEqual([{ type: 'text', text: 'Hi there' }]);
  });

  it('attaches the request warnings to the final response', async () => {
    const warnings = [
      { type: 'unsupported', feature: 'strict', details: 'tool "f": Gemini has no strict schema mode' },
    ] as const;
    const stream = createStreamingResponse(
      transport(frame(event('Hi', 'STOP'))),
      'sse',
      geminiStreamAdapter(),
      warnings,
    );
    expect((await stream.final).warnings).toEqual(warnings);
  });

  it('treats a stream without any finishReason as truncated', async () => {
    const stream = createStreamingResponse(
      transport(frame(event('Hi')) + frame(event(' there'))),
      'sse',
      geminiStreamAdapter(),
    );
    await expect(stream.final).rejects.toMatchObject({ kind: 'response', reason: 'truncated' });
  });

  it('treats an empty body as truncated', async () => {
    await expect(createStreamingResponse(transport(''), 'sse', geminiStreamAdapter()).final).rejects.toMatchObject({
      kind: 'response',
      reason: 'truncated',
    });
  });

  it.each([
    ['null', 'null'],
    ['[1]', 'an array of 1 items'],
    ['"text"', 'a string of 4 characters'],
  ])('refuses the event %s, describing it in the message and keeping it as the body', async (data, described) => {
    const stream = createStreamingResponse(transport(`data: ${data}\r\n\r\n`), 'sse', geminiStreamAdapter());
    await expect(stream.final).rejects.toMatchObject({
      kind: 'response',
      reason: 'malformed',
      message: `Gemini streamed an event that is not a response object (got ${described})`,
      body: data,
    });
  });
});
