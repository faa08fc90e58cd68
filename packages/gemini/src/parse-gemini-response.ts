import { CompletionError, type CompletionResponse } from '@rig-ts/core';
import { withTokenUsage, describeWireValue } from '@rig-ts/core/internal';
import { StreamAccumulator } from '@rig-ts/streaming/internal';
import type { GeminiResponse } from './gemini-api-types.js';
import { GeminiResponseReader } from './gemini-response-reader.js';

/**
 * A `generateContent` body → `CompletionResponse` (the first candidate), built by the same reader as streams.
 * @throws {CompletionError} `provider` when the prompt was blocked, `response` when there is no candidate, or no content
 * and a finish reason that does not explain it (`empty`).
 */
export function parseGeminiResponse(body: GeminiResponse): CompletionResponse<GeminiResponse> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new CompletionError({
      kind: 'response',
      reason: 'malformed',
      message: `Gemini answered with a body that is not a response object (got ${describeWireValue(body)})`,
      body: JSON.stringify(body),
    });
  }
  const accumulator = new StreamAccumulator<GeminiResponse>();
  accumulator.emitItems = false;
  const reader = new GeminiResponseReader();
  reader.read(body, accumulator);
  if (body.candidates?.[0] === undefined) {
    const text = JSON.stringify(body);
    throw new CompletionError({
      kind: 'response',
      reason: 'empty',
      message: `Gemini answered with no candidate: ${text.slice(0, 200)}`,
      body: text.slice(0, 65536),
    });
  }
  reader.finish(accumulator);
  accumulator.rawResponse = withTokenUsage(body, accumulator.usage);
  return accumulator.finish('Gemini');
}
