import { invalidRequest } from '../errors/completion-error.js';
import type { BatchEntry } from './batch-result.js';

/** What a provider accepts in one batch, for {@link validateBatchEntries}. */
export interface BatchEntryRules {
  /** The provider's name, for messages (`Anthropic`). */
  provider: string;
  /** The most requests one batch takes. */
  maxRequests: number;
  /** What an id must match beyond being a non-empty string. */
  idPattern?: RegExp | undefined;
  /** `idPattern` in words, for messages (`1 to 64 letters, digits, _ or -`). */
  idRule?: string | undefined;
}

/**
 * Checks the entries of a batch before anything is sent: a non-empty array of at most `maxRequests` `{ id, request }`
 * objects, each id a non-empty string matching the provider's rule and unique in the batch.
 * @throws {CompletionError} of kind `request`, whose `path` names the faulty entry (`entries[3].id`).
 */
export function validateBatchEntries(entries: readonly BatchEntry[], rules: BatchEntryRules): void {
  const { provider, maxRequests, idPattern, idRule } = rules;
  if (!Array.isArray(entries))
    throw invalidRequest(`${provider} batch: submitBatch takes an array of { id, request } entries`, 'entries');
  if (entries.length === 0) throw invalidRequest(`${provider} batch: no requests, give at least one`, 'entries');
  if (entries.length > maxRequests)
    throw invalidRequest(
      `${provider} batch: ${entries.length} requests, more than the ${maxRequests} one batch takes: split it`,
      'entries',
    );
  const seen = new Map<string, number>();
  entries.forEach((entry: unknown, index) => {
    if (typeof entry !== 'object' || entry === null)
      throw invalidRequest(`entries[${index}] must be an object { id, request }`, `entries[${index}]`);
    const { id, request } = entry as { id?: unknown; request?: unknown };
    if (typeof id !== 'string' || id === '')
      throw invalidRequest(`entries[${index}].id must be a non-empty string`, `entries[${index}].id`);
    if (idPattern !== undefined && !idPattern.test(id)) {
      throw invalidRequest(
        `entries[${index}].id ${JSON.stringify(id)} is not a valid ${provider} batch id${idRule === undefined ? '' : `: ${idRule}`}`,
        `entries[${index}].id`,
      );
    }
    const first = seen.get(id);
    if (first !== undefined)
      throw invalidRequest(
        `entries[${index}].id ${JSON.stringify(id)} repeats entries[${first}].id: ids must be unique in a batch`,
        `entries[${index}].id`,
      );
    seen.set(id, index);
    if (
      typeof request !== 'object' ||
      request === null ||
      !Array.isArray((request as { chatHistory?: unknown }).chatHistory)
    ) {
      throw invalidRequest(
        `entries[${index}].request must be a completion request (model.completionRequest(prompt)…build())`,
        `entries[${index}].request`,
      );
    }
  });
}
