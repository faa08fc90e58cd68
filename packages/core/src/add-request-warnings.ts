import type { CompletionResponse } from './completion-response.js';
import type { Warning } from './warning.js';

/**
 * Puts the warnings raised while building a request (settings the provider had to drop) on the response to it, before
 * the ones the answer raised itself. A response without either keeps no `warnings` field.
 */
export function addRequestWarnings(response: CompletionResponse<unknown>, warnings: readonly Warning[]): void {
  if (warnings.length > 0)
    response.warnings = response.warnings === undefined ? warnings : [...warnings, ...response.warnings];
}
