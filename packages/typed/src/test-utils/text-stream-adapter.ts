import type { Usage } from '@rig-ts/core';
import type { StreamAdapter } from '@rig-ts/streaming/internal';

/** The NDJSON frames of the test stream: text deltas, then an end frame with usage. */
export type TextFrame = { text: string } | { end: true; usage: Usage };

/** Reads {@link TextFrame}s (tests only). */
export const textStreamAdapter: StreamAdapter<{ frames: number }> = {
  onFrame(data, _event, accumulator) {
    const frame = data as TextFrame;
    if ('text' in frame) accumulator.text(frame.text);
    else {
      accumulator.usage = frame.usage;
      accumulator.finishReason = 'stop';
      accumulator.rawFinishReason = 'end';
      accumulator.end();
    }
  },
};

/** The NDJSON body streaming `deltas` then ending with `usage`, one frame per line. */
export function textStreamBody(deltas: readonly string[], usage: Usage): string[] {
  const lines = deltas.map((text) => `${JSON.stringify({ text })}\n`);
  lines.push(`${JSON.stringify({ end: true, usage })}\n`);
  return lines;
}
