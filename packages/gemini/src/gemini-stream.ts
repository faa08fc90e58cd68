import { CompletionError } from '@rig-ts/core';
import { withTokenUsage } from '@rig-ts/core/internal';
import type { StreamAdapter } from '@rig-ts/streaming/internal';
import type { GeminiResponse } from './gemini-api-types.js';
import { GeminiResponseReader } from './gemini-response-reader.js';

/**
 * The adapter of one `streamGenerateContent?alt=sse` stream. Every event is a whole `GenerateContentResponse`.
 * Gemini sends intermediate `finishReason`s (after each code-execution round), so the stream ends at EOF once a
 * `finishReason` has been seen; a stream that ends without any is truncated. `rawResponse` is the last event.
 */
export function geminiStreamAdapter(): StreamAdapter<GeminiResponse> {
  const reader = new GeminiResponseReader();
  let last: GeminiResponse | undefined;
  return {
    onFrame(data, _event, accumulator) {
      if (typeof data !== 'object' || data === null || Array.isArray(data)) {
        throw new CompletionError({ kind: 'response', reason: 'malformed', message: `Gemini streamed an event that is not a response object: ${JSON.stringify(data).slice(0, 200)}` });
      }
      last = data as GeminiResponse;
      reader.read(last, accumulator);
    },
    onEnd(accumulator) {
      reader.finish(accumulator);
      if (!reader.finished) return;
      accumulator.rawResponse = withTokenUsage(last!, accumulator.usage);
      accumulator.end();
    },
  };
}
