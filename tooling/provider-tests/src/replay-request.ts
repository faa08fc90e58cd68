import {
  Message,
  type CompletionModel,
  type CompletionRequest,
  type CompletionResponse,
  type StreamingCompletionResponse,
} from '@rig-ts/core';
import { jsonResponse, recordingFetch, sseResponse } from './serve.js';

/** Makes the model under test, answering through `fetch`. */
export type ModelFactory<Raw = unknown, StreamRaw = unknown> = (
  fetch: typeof globalThis.fetch,
) => CompletionModel<Raw, StreamRaw>;

/** The request every replay sends. */
export const replayRequest: CompletionRequest = { chatHistory: [Message.user('hi')], documents: [], tools: [] };

/** Sends {@link replayRequest} through `completion()` of the model answering with the JSON `body` (status 200). */
export function replayCompletion<Raw>(
  model: ModelFactory<Raw, unknown>,
  body: unknown,
  headers: { [name: string]: string } = {},
): Promise<CompletionResponse<Raw>> {
  return model(recordingFetch(() => jsonResponse(body, 200, headers)).fetch).completion(replayRequest);
}

/** Sends {@link replayRequest} through `stream()` of the model answering with an event stream arriving in `chunks`. */
export function replayStream<StreamRaw>(
  model: ModelFactory<unknown, StreamRaw>,
  chunks: readonly (string | Uint8Array)[],
  headers: { [name: string]: string } = {},
): Promise<StreamingCompletionResponse<StreamRaw>> {
  return model(recordingFetch(() => sseResponse(chunks, headers)).fetch).stream(replayRequest);
}
