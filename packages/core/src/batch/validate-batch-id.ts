import { invalidRequest } from '../errors/completion-error.js';

const BATCH_ID = /^[A-Za-z0-9_.-]{1,256}$/;

/**
 * A provider's batch id as one URL path segment: 1 to 256 letters, digits, `_`, `-` or `.`, not `.` or `..`
 * (an id from anywhere — a file, a URL — must not be able to point the request at another path).
 * @throws {CompletionError} of kind `request`.
 */
export function validateBatchId(provider: string, id: unknown): string {
  if (typeof id !== 'string' || !BATCH_ID.test(id) || /^\.+$/.test(id)) {
    throw invalidRequest(`${String(JSON.stringify(id))} is not a valid ${provider} batch id`, 'id');
  }
  return id;
}
