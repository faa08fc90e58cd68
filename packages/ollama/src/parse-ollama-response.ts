import { CompletionError, type CompletionResponse } from '@rig-ts/core';
import { withTokenUsage } from '@rig-ts/core/internal';
import { StreamAccumulator } from '@rig-ts/streaming/internal';
import type { OllamaResponse } from './ollama-api-types.js';
import { OllamaResponseReader } from './ollama-response-reader.js';

/**
 * A non-streamed `/api/chat` body → `CompletionResponse`, built by the same reader as streams.
 * @throws {CompletionError} `provider` for an `{ error }` body, `response` for a body that is not a finished answer, or
 * that has no content and a finish reason that does not explain it (`empty`).
 */
export function parseOllamaResponse(body: OllamaResponse): CompletionResponse<OllamaResponse> {
  const accumulator = new StreamAccumulator<OllamaResponse>();
  accumulator.emitItems = false;
  new OllamaResponseReader().read(body, accumulator);
  if (!accumulator.ended) {
    const text = JSON.stringify(body);
    throw new CompletionError({
      kind: 'response',
      reason: 'truncated',
      message: `Ollama answered with an unfinished response (no "done": true): ${text.slice(0, 200)}`,
      body: text.slice(0, 65536),
    });
  }
  accumulator.rawResponse = withTokenUsage(body, accumulator.usage);
  return accumulator.finish('Ollama');
}
