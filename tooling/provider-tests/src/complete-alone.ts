import type { CompletionModel, CompletionRequest, CompletionResponse } from '@rig-ts/core';
import { sendJson, startLoopbackServer } from '@rig-ts/fixtures/loopback';

/** What {@link completeAlone} gives: the parsed response and the request body the model sent. */
export interface AloneCompletion<Raw = unknown> {
  response: CompletionResponse<Raw>;
  sent: unknown;
}

/**
 * Sends `request` alone (not in a batch) through the model `makeModel` builds on a loopback server answering `body`
 * with status 200 and `headers`: what a batch result for the same request must equal, and the body its batch line
 * must carry. The server is closed before this returns, whatever happened.
 */
export async function completeAlone<Raw>(
  makeModel: (url: string) => Pick<CompletionModel<Raw>, 'completion'>,
  request: CompletionRequest,
  body: unknown,
  headers?: { [name: string]: string },
): Promise<AloneCompletion<Raw>> {
  const server = await startLoopbackServer((_request, response) => sendJson(response, 200, body, headers));
  try {
    const response = await makeModel(server.url).completion(request);
    const sent = JSON.parse(server.requests[0]!.body) as unknown;
    return { response, sent };
  } finally {
    await server.close();
  }
}
