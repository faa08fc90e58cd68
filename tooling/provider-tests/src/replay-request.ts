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

/**
 * What `completion()` of the model rejects with when the server answers {@link replayRequest} with the JSON `body` and
 * `status`. Rejects itself, naming the response, when the call succeeds.
 */
export async function replayCompletionError(model: ModelFactory, body: unknown, status = 200): Promise<unknown> {
  let response: CompletionResponse;
  try {
    response = await model(recordingFetch(() => jsonResponse(body, status)).fetch).completion(replayRequest);
  } catch (error) {
    return error;
  }
  throw new Error(`completion() was expected to fail but answered ${JSON.stringify(response.choice)}`);
}

/**
 * The body `stream()` of the model sent for {@link replayRequest}, once the stream answered with `chunks` has been
 * read to its end. Rejects when the stream fails or the model sent other than one request.
 */
export async function replayStreamRequestBody(
  model: ModelFactory,
  chunks: readonly (string | Uint8Array)[],
): Promise<unknown> {
  const recorded = recordingFetch(() => sseResponse(chunks));
  await (
    await model(recorded.fetch).stream(replayRequest)
  ).final;
  if (recorded.requests.length !== 1)
    throw new Error(`expected one request, the model sent ${recorded.requests.length}`);
  return recorded.requests[0]!.body;
}
