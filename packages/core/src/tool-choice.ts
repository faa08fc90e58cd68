import type { OneOrMany } from './one-or-many.js';

/**
 * Whether and which tools the model must call:
 * `'auto'` (the model decides), `'none'`, `'required'` (at least one), or one of the named functions.
 */
export type ToolChoice = 'auto' | 'none' | 'required' | { type: 'specific'; functionNames: OneOrMany<string> };

/** Helpers to build a {@link ToolChoice}. */
export const ToolChoice = {
  specific(...functionNames: [string, ...string[]]): ToolChoice {
    return { type: 'specific', functionNames };
  },
};
