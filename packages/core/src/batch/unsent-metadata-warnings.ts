import type { Warning } from '../warning.js';

/**
 * The job warnings of a provider whose batches take no metadata: one `unsupported` warning for `metadata` when the
 * caller gave some (`details` says so in the provider's words), else none.
 */
export function unsentMetadataWarnings(metadata: unknown, details: string): Warning[] {
  return metadata === undefined ? [] : [{ type: 'unsupported', feature: 'metadata', details }];
}
