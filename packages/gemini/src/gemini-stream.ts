import { CompletionError } from '@rig-ts/core';
import { withTokenUsage, describeWireValue } from '@rig-ts/core/internal';
import type { StreamAdapter, StreamAccumulator } from '@rig-ts/streaming/internal';
import type { GeminiResponse } from './gemini-api-types.js';
import { GeminiResponseReader } from './gemini-response-reader.js';

/**
 * The adapter of one `streamGenerateContent?alt=sse` stream. Every event is a whole `GenerateContentResponse`.
 *
 * Gemini has no end event of its own. Its last event carries the `finishReason` and the usage counts, and that is
 * where the stream ends, even if the connection stays open — except after a code-execution round (the answer's latest
 * part is `executableCode` / `codeExecutionResult`): Gemini then sends an intermediate `finishReason` and goes on, so
 * the stream reads on to the next such event, or to the end of the body. A body that ends after any `finishReason`
 * (one without usage included) is complete too; one that ends without any is truncated. `rawResponse` is the last
 * event read.
 */
export function geminiStreamAdapter(): StreamAdapter<GeminiResponse> {
  const reader = new GeminiResponseReader();
  let last: GeminiResponse | undefined;
  const complete = (accumulator: StreamAccumulator<GeminiResponse>): void => {
    reader.finish(accumulator);
    accumulator.rawResponse = withTokenUsage(last!, accumulator.usage);
    accumulator.end();
  };
  return {
    onFrame(data, _event, accumulator) {
      if (typeof data !== 'object' || data === null || Array.isArray(data)) {
        throw new CompletionError({
          kind: 'response',
          reason: 'malformed',
          message: `Gemini streamed an event that is not a response object (got ${describeWireValue(data)})`,
        });
      }
      last = data as GeminiResponse;
      reader.read(last, accumulator);
      if (reader.complete) complete(accumulator);
    },
    onEnd(accumulator) {
      if (reader.finished) complete(accumulator);
      else reader.finish(accumulator);
    },
  };
}
