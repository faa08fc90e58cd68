import type { StreamAccumulator } from './stream-accumulator.js';

/** Turns one provider's stream frames into accumulator calls. One adapter instance per stream. */
export interface StreamAdapter<Raw = unknown> {
  /** One frame: the parsed JSON and, for server-sent events, the event type (`message` when none was given). */
  onFrame(data: unknown, event: string, accumulator: StreamAccumulator<Raw>): void;
  /** The `data: [DONE]` sentinel (Chat-Completions-style streams). */
  onDone?(accumulator: StreamAccumulator<Raw>): void;
  /** The bytes ended; runs before the check that the provider's end event was seen. */
  onEnd?(accumulator: StreamAccumulator<Raw>): void;
}
