import { CompletionError, PromptError, StructuredOutputError } from '@rig-ts/core';
import type { WireError } from './stream-wire.js';

type Family = typeof CompletionError | typeof PromptError | typeof StructuredOutputError;

/** Each family this reader rebuilds, with its kinds (a `Map`: a family named `constructor` is not a key of it). */
const FAMILIES = new Map<unknown, [Family, string]>([
  ['CompletionError', [CompletionError, 'http json request response provider']],
  ['PromptError', [PromptError, 'completion max-turns tool cancelled']],
  ['StructuredOutputError', [StructuredOutputError, 'completion json validation empty']],
]);

/** The fields copied from the wire (and no others: an error's own properties are not the server's to choose). */
const FIELDS = [
  'kind',
  'isRetryable',
  'status',
  'reason',
  'maxTurns',
  'toolName',
  'rawText',
  'value',
  'errors',
] as const;

/**
 * The error a stream's `error` event describes, as the rig-ts error class the server had: a `CompletionError`,
 * `PromptError` or `StructuredOutputError` of the same kind with the fields the wire carries (a `PromptError`'s
 * `history` is empty: it stays on the server). An error of another family, or of a kind this version does not know,
 * is a `provider` `CompletionError` (the server is the provider here).
 */
export function fromWireError(wire: WireError, depth = 0): CompletionError | PromptError | StructuredOutputError {
  const family = FAMILIES.get(wire.family);
  // A whole kind of the family's (`http json` is not one).
  if (family === undefined || !family[1].split(' ').includes(wire.kind!)) {
    return new CompletionError({ kind: 'provider', message: wire.message, isRetryable: wire.isRetryable === true });
  }
  const options: { [field: string]: unknown } = { message: wire.message };
  for (const field of FIELDS) if (wire[field] !== undefined) options[field] = wire[field];
  // A chain is a few errors long: what a server nests below 8 causes is dropped (no stack overflow).
  if (wire.cause != null && depth < 8) options.cause = fromWireError(wire.cause, depth + 1);
  if (family[0] === PromptError) options.history = [];
  return new family[0](options as never);
}
