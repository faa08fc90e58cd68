import { addRequestWarnings } from './add-request-warnings.js';
import type { CallOptions } from './call-options.js';
import type { CompletionResponse } from './completion-response.js';
import { readResponse } from './unreadable-response.js';
import type { Warning } from './warning.js';

/** What {@link postCompletion} needs of a transport: the shape of `@rig-ts/http`'s `HttpTransport.postJson`. */
export interface JsonPoster {
  postJson<Body>(
    path: string,
    body: unknown,
    options?: CallOptions,
  ): Promise<{ readonly body: Body; readonly requestId?: string | undefined }>;
}

/** A request body ready to send, with the warnings for the settings its model had to drop. */
export interface PreparedRequest {
  readonly body: unknown;
  readonly warnings: readonly Warning[];
}

/**
 * The non-streamed half of a provider model: posts `prepared.body` to `path` through `transport`, reads the answer
 * with `parse` (`readResponse`: what `parse` throws becomes a `response` CompletionError saying `what`), sets the
 * response's `requestId` from the answer's, and puts the request's warnings on it first (`addRequestWarnings`).
 * @throws {CompletionError} what the transport throws, or what {@link readResponse} makes of a `parse` failure.
 */
export async function postCompletion<Wire, Raw>(
  transport: JsonPoster,
  path: string,
  prepared: PreparedRequest,
  options: CallOptions | undefined,
  parse: (body: Wire, requestId: string | undefined) => CompletionResponse<Raw>,
  what: string,
): Promise<CompletionResponse<Raw>> {
  const answer = await transport.postJson<Wire>(path, prepared.body, options);
  const response = readResponse(() => parse(answer.body, answer.requestId), what);
  if (answer.requestId !== undefined) response.requestId = answer.requestId;
  addRequestWarnings(response, prepared.warnings);
  return response;
}
