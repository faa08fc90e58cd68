import { CompletionError, PromptError, StructuredOutputError } from '@rig-ts/core';
import type { WireError } from './stream-wire.js';

type Family = typeof CompletionError | typeof PromptError | typeof StructuredOutputError;

/** Each family this reader rebuilds, with its kinds. */
const FAMILIES: { [family: string]: [Family, string] } = {
  CompletionError: [CompletionError, ' http json request response provider '],
  PromptError: [PromptError, ' completion max-turns tool cancelled '],
  StructuredOutputError: [StructuredOutputError, ' completion json validation empty '],
};

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
export function fromWireError(wire: WireError): CompletionError | PromptError | StructuredOutputError {
  const family = FAMILIES[wire.family];
  if (family === undefined || !family[1].includes(` ${wire.kind} `)) {
    return new CompletionError({ kind: 'provider', message: wire.message, isRetryable: wire.isRetryable === true });
  }
  const options: { [field: string]: unknown } = { message: wire.message };
  for (const field of FIELDS) if (wire[field] !== undefined) options[field] = wire[field];
  if (wire.cause !== undefined) options.cause = fromWireError(wire.cause);
  if (family[0] === PromptError) options.history = [];
  return new family[0](options as never);
}
