// `@rig-ts/streaming/internal`: what provider packages use to build their streams (the accumulator their stream
// adapters feed, and the factory of the stream they return). Not covered by semver: any release may change or remove
// these. Applications use the streams a model returns, typed by `@rig-ts/core`'s `StreamingCompletionResponse`.
export { StreamAccumulator } from './stream-accumulator.js';
export type { ToolCallStart } from './stream-accumulator.js';
export type { StreamAdapter } from './stream-adapter.js';
export type { StreamTransport } from './stream-transport.js';
export { createStreamingResponse } from './streaming-response.js';
export type { StreamFormat } from './http-stream-source.js';
export { parseToolArguments } from './parse-tool-arguments.js';
export { ItemStreamSource } from './item-stream-source.js';
export type { ItemStreamSourceOptions } from './item-stream-source.js';
export { READ_JSON_LINES_DEFAULTS, readJsonLines } from './read-json-lines.js';
export type { ReadJsonLinesOptions } from './read-json-lines.js';
export { postCompletionStream } from './post-completion-stream.js';
export type { CompletionStreamReading, StreamPoster } from './post-completion-stream.js';
