import type { CompletionRequest } from './completion-request.js';
import { readRequest } from './read-request.js';
import { validateCompletionRequest } from './validate-completion-request.js';

/**
 * The one way a provider model turns a caller's request into its own: checks the request
 * (`validateCompletionRequest`), then runs `build` over it, where a `TypeError`, a throwing getter or a Proxy becomes a
 * `request` CompletionError with the original as `cause` (`readRequest`). Everything fails before anything is sent.
 * @throws {CompletionError} of kind `request`, naming what is wrong and where; a rig-ts error `build` throws passes
 * through as it is.
 */
export function prepareRequest<T>(request: CompletionRequest, build: () => T): T {
  validateCompletionRequest(request);
  return readRequest(build);
}
