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
  it('reads on after an intermediate finishReason (code execution rounds) and ends at EOF', async () => {
    const last = event('Done.', 'STOP');
    const stream = createStreamingResponse(transport(frame(event('Running code.', 'STOP')) + frame(event(' The result is 42.')) + frame(last)), 'sse', geminiStreamAdapter());
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

  it('attaches the request warnings to the final response', async () => {
    const warnings = [{ type: 'unsupported', feature: 'strict', details: 'tool "f": Gemini has no strict schema mode' }] as const;
    const stream = createStreamingResponse(transport(frame(event('Hi', 'STOP'))), 'sse', geminiStreamAdapter(), warnings);
    expect((await stream.final).warnings).toEqual(warnings);
  });

  it('treats a stream without any finishReason as truncated', async () => {
    const stream = createStreamingResponse(transport(frame(event('Hi')) + frame(event(' there'))), 'sse', geminiStreamAdapter());
    await expect(stream.final).rejects.toMatchObject({ kind: 'response', reason: 'truncated' });
  });

  it('treats an empty body as truncated', async () => {
    await expect(createStreamingResponse(transport(''), 'sse', geminiStreamAdapter()).final).rejects.toMatchObject({ kind: 'response', reason: 'truncated' });
  });

  it.each(['null', '[1]', '"text"'])('refuses the event %s', async (data) => {
    const stream = createStreamingResponse(transport(`data: ${data}\r\n\r\n`), 'sse', geminiStreamAdapter());
    await expect(stream.final).rejects.toMatchObject({ kind: 'response', reason: 'malformed', message: `Gemini streamed an event that is not a response object: ${data}` });
  });
});
