import { withTokenUsage } from '@rig-ts/core/internal';
import type { StreamAdapter } from '@rig-ts/streaming/internal';
import type { OllamaResponse } from './ollama-api-types.js';
import { OllamaResponseReader } from './ollama-response-reader.js';

/**
 * The adapter of one `/api/chat` NDJSON stream: one chat response object per line; the one with `done: true` carries
 * the counts and the reason and ends the stream (`rawResponse`). An `{ "error": … }` line is a provider error.
 */
export function ollamaStreamAdapter(): StreamAdapter<OllamaResponse> {
  const reader = new OllamaResponseReader();
  return {
    onFrame(data, _event, accumulator) {
      reader.read(data as OllamaResponse, accumulator);
      if (accumulator.ended) accumulator.rawResponse = withTokenUsage(data as OllamaResponse, accumulator.usage);
    },
  };
}
