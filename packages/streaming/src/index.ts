// The public API of @rig-ts/streaming. What provider packages use to build their streams is on
// `@rig-ts/streaming/internal`.
export { SseDecoder } from './sse-decoder.js';
export type { SseEventHandler } from './sse-decoder.js';
export { NdjsonDecoder } from './ndjson-decoder.js';
export { StreamingResponse } from './streaming-response.js';
export type { StreamSource } from './stream-source.js';
export { streamFromItems } from './stream-from-items.js';
export { toStreamResponse, STREAM_RESPONSE_HEADERS } from './to-stream-response.js';
export type { ToStreamResponseOptions } from './to-stream-response.js';
export { pipeToNodeResponse } from './pipe-to-node-response.js';
export type { NodeResponseLike, PipeToNodeResponseOptions } from './pipe-to-node-response.js';
export { encodeStreamWire } from './encode-stream-wire.js';
export type { StreamWireOptions } from './encode-stream-wire.js';
export type { StreamErrorMessage } from './to-wire-error.js';
export { readStreamResponse } from './read-stream-response.js';
export type { ReadStreamResponseOptions } from './wire-stream-source.js';
export { readTypedStreamResponse } from './read-typed-stream-response.js';
export type {
  PartialValue,
  ReadTypedStreamResponseOptions,
  TypedStreamReader,
  TypedValueValidator,
} from './read-typed-stream-response.js';
export { STREAM_WIRE_CONTENT_TYPE, STREAM_WIRE_VERSION } from './stream-wire.js';
export type {
  PartialValueStream,
  WireError,
  WireErrorItem,
  WireFinal,
  WireItem,
  WirePartial,
  WireStart,
} from './stream-wire.js';
