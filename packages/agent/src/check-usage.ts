import type { Usage } from '@rig-ts/core';

/** The counts of a `Usage`: the first three required. */
const COUNTS = [
  'promptTokens',
  'completionTokens',
  'totalTokens',
  'cachedPromptTokens',
  'cacheCreationTokens',
  'reasoningTokens',
] as const;

/**
 * Checks that `usage` is a `Usage` a run can add up: the three counts, and each optional one present, finite numbers
 * of at least 0. Throws a `TypeError` naming the first bad count otherwise.
 */
export function checkUsage(usage: unknown): asserts usage is Usage {
  COUNTS.forEach((field, index) => {
    const value: unknown =
      typeof usage === 'object' && usage !== null ? (usage as { [key: string]: unknown })[field] : undefined;
    if ((index < 3 || value !== undefined) && !(typeof value === 'number' && value >= 0 && value < Infinity)) {
      throw new TypeError(`reportUsage(): ${field} must be a finite number of at least 0`);
    }
  });
}
