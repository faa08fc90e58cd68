import type { IdSource } from './id-source.js';

/** What a wire renderer needs besides the answer. */
export interface RenderContext {
  /** The request body (echoed where the API echoes it). */
  body: { [key: string]: unknown };
  ids: IdSource;
  /** The clock, in ms since the epoch. */
  now: number;
  /** Characters per text delta; word by word when absent. */
  chunkSize: number | undefined;
}

/** A rendered stream: its frames, and where the provider's end event(s) start (dropped by the `no-end` fault). */
export interface WireStream {
  frames: string[];
  endFrom: number;
}

/** Characters per tool-argument delta when the request sets no chunk size. */
export const ARGUMENT_CHUNK_SIZE = 8;

/** A server-sent event with an `event:` line. */
export function typedEvent(type: string, data: unknown): string {
  return `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}
