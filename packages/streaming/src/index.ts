// The public API of @rig-ts/streaming. What provider packages use to build their streams is on
// `@rig-ts/streaming/internal`.
export { SseDecoder } from './sse-decoder.js';
export type { SseEventHandler } from './sse-decoder.js';
export { NdjsonDecoder } from './ndjson-decoder.js';
export { StreamingResponse } from './streaming-response.js';
export type { StreamSource } from './stream-source.js';
export { streamFromItems } from './stream-from-items.js';
