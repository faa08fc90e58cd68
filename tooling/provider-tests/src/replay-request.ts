import {
  Message,
  type CompletionModel,
  type CompletionRequest,
  type CompletionResponse,
  type StreamingCompletionResponse,
} from '@rig-ts/core';
import { jsonResponse, recordingFetch, sseResponse } from './serve.js';

/** Makes the model under test, answering through `fetch`. */
export type ModelFactory = (fetch: typeof globalThis.fetch) => CompletionModel;

/** The request every replay sends. */
export const replayRequest: CompletionRequest = { chatHistory: [Message.user('hi')], documents: [], tools: [] };

/** Sends {@link replayRequest} through `completion()` of the model answering with the JSON `body` (status 200). */
export function replayCompletion(
  model: ModelFactory,
  body: unknown,
  headers: { [name: string]: string } = {},
): Promise<CompletionResponse> {
  return model(recordingFetch(() => jsonResponse(body, 200, headers)).fetch).completion(replayRequest);
}

/** Sends {@link replayRequest} through `stream()` of the model answering with an event stream arriving in `chunks`. */
export function replayStream(
  model: ModelFactory,
  chunks: readonly (string | Uint8Array)[],
  headers: { [name: string]: string } = {},
): Promise<StreamingCompletionResponse> {
  return model(recordingFetch(() => sseResponse(chunks, headers)).fetch).stream(replayRequest);
}
