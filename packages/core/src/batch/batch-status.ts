/**
 * Where a batch is, the same words for every provider: `validating` (the input is checked, or the batch waits its
 * turn), `in-progress`, `finalizing` (results are being written), then one of the end states `completed`, `failed`
 * (the batch as a whole failed: bad input), `expired` (not done in the provider's window), `cancelled`;
 * `cancelling` in between.
 */
export type BatchStatus =
  'validating' | 'in-progress' | 'finalizing' | 'completed' | 'failed' | 'expired' | 'cancelling' | 'cancelled';

/** The statuses a batch never leaves. */
export const BATCH_END_STATUSES: readonly BatchStatus[] = ['completed', 'failed', 'expired', 'cancelled'];

/** True for a status the batch never leaves (`completed`, `failed`, `expired`, `cancelled`). */
export function isBatchEnded(status: BatchStatus): boolean {
  return BATCH_END_STATUSES.includes(status);
}
