import { CompletionError, PromptError, StructuredOutputError, type CompletionErrorOptions, type PromptErrorOptions, type StructuredOutputErrorOptions } from '@rig-ts/core';
import type { WireError } from './stream-wire.js';

/**
 * The error a stream's `error` event describes, as the rig-ts error class the server had: a `CompletionError`,
 * `PromptError` or `StructuredOutputError` of the same kind with the fields the wire carries (a `PromptError`'s
 * `history` is empty: it stays on the server). An error of another family, or of a kind this version does not know,
 * is a `provider` `CompletionError` (the server is the provider here).
 */
export function fromWireError(wire: WireError): CompletionError | PromptError | StructuredOutputError {
  const { family, kind, message } = wire;
  const cause = wire.cause === undefined ? undefined : fromWireError(wire.cause);
  if (family === 'CompletionError' && (kind === 'http' || kind === 'json' || kind === 'request' || kind === 'response' || kind === 'provider')) {
    const options = { kind, message, isRetryable: wire.isRetryable === true } as CompletionErrorOptions & { [field: string]: unknown };
    if (kind === 'http' && wire.status !== undefined) options.status = wire.status;
    if (kind === 'response') options.reason = wire.reason ?? 'unexpected';
    return new CompletionError(options);
  }
  if (family === 'PromptError' && (kind === 'completion' || kind === 'max-turns' || kind === 'tool' || kind === 'cancelled')) {
    const options = { kind, message } as PromptErrorOptions & { [field: string]: unknown };
    if (kind === 'completion') options.cause = CompletionError.isInstance(cause) ? cause : new CompletionError({ kind: 'provider', message });
    if (kind === 'max-turns') Object.assign(options, { maxTurns: wire.maxTurns ?? 0, history: [] });
    if (kind === 'tool') options.toolName = wire.toolName ?? '';
    return new PromptError(options);
  }
  if (family === 'StructuredOutputError' && (kind === 'completion' || kind === 'json' || kind === 'validation' || kind === 'empty')) {
    const options = { kind, message } as StructuredOutputErrorOptions & { [field: string]: unknown };
    if (kind === 'completion') options.cause = cause ?? new CompletionError({ kind: 'provider', message });
    if (kind !== 'completion' && (wire.rawText !== undefined || kind !== 'empty')) options.rawText = wire.rawText ?? '';
    if (kind === 'validation') Object.assign(options, { value: wire.value, errors: wire.errors ?? [] });
    return new StructuredOutputError(options);
  }
  return new CompletionError({ kind: 'provider', message, isRetryable: wire.isRetryable === true });
}
