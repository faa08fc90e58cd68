import { CompletionError, isCancelled, PromptError, RigError, StructuredOutputError } from '@rig-ts/core';
import type { WireError } from './stream-wire.js';

/** What the server tells the browser about an error: the message to send, or `undefined` for the default. */
export type StreamErrorMessage = (error: unknown) => string | undefined;

const RESPONSE_REASONS: { [reason: string]: string } = {
  malformed: 'the model sent a response that could not be read',
  empty: 'the model sent an empty response',
  truncated: 'the model response was cut short',
  unexpected: 'the model sent an unexpected response',
};

/** The message a browser gets by default: what failed, never the provider's URL, body, message or key. */
function defaultMessage(error: unknown): string {
  if (CompletionError.isInstance(error)) {
    switch (error.kind) {
      case 'http':
        return error.status === undefined
          ? 'the model provider could not be reached'
          : `the model provider answered HTTP ${error.status}`;
      case 'json':
        return 'a model request or response was not valid JSON';
      case 'request':
        return error.path === undefined
          ? 'the model request was invalid'
          : `the model request was invalid at ${error.path}`;
      case 'response':
        return RESPONSE_REASONS[error.reason] ?? 'the model sent an unusable response';
      case 'provider':
        return 'the model provider reported an error';
    }
  }
  if (PromptError.isInstance(error)) {
    switch (error.kind) {
      case 'completion':
        return defaultMessage(error.cause);
      case 'max-turns':
        return `the agent reached its limit of ${error.maxTurns} turns`;
      case 'tool':
        return `the tool "${error.toolName}" failed`;
      case 'cancelled':
        return 'the run was cancelled on the server';
    }
  }
  if (StructuredOutputError.isInstance(error)) {
    switch (error.kind) {
      case 'completion':
        return defaultMessage(error.cause);
      case 'json':
        return 'the model output is not valid JSON';
      case 'validation':
        return 'the model output does not match the schema';
      case 'empty':
        return 'the model returned no output';
    }
  }
  return 'the stream failed on the server';
}

/**
 * The server's message for `error`: a string `message(error)` returned, else `undefined` (the default applies) — also
 * when it threw, so that a broken callback still ends the stream with an error event, not a cut connection.
 */
function chosenMessage(message: StreamErrorMessage | undefined, error: unknown): string | undefined {
  if (message === undefined) return undefined;
  try {
    const chosen = message(error);
    return typeof chosen === 'string' ? chosen : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What ended a stream, as the stream wire sends it: family, kind and the fields a caller branches on (status, reason,
 * `maxTurns`, `toolName`, a typed answer's text and validation issues), with `message(error)` or a default message that
 * names what failed. Nothing else crosses: not the provider's URL, body, headers or error message, not the history.
 * A cancellation the server did not ask for (an abort reason) is a `cancelled` `PromptError`.
 */
export function toWireError(error: unknown, message?: StreamErrorMessage): WireError {
  const text = (value: RigError): string => chosenMessage(message, value) ?? defaultMessage(value);
  if (!RigError.isInstance(error)) {
    if (isCancelled(error))
      return toWireError(new PromptError({ kind: 'cancelled', message: 'cancelled' }), () => message?.(error));
    return {
      family: 'Error',
      name: 'Error',
      message: chosenMessage(message, error) ?? defaultMessage(new RigError({ message: '' })),
    };
  }
  const fields = error as RigError & { kind?: string; [field: string]: unknown };
  const family = fields.name.split('.')[0]!;
  const wire: WireError = { family, name: fields.name, message: text(error) };
  if (typeof fields.kind === 'string') wire.kind = fields.kind;
  if (typeof fields.isRetryable === 'boolean') wire.isRetryable = fields.isRetryable;
  if (CompletionError.isInstance(error)) {
    if (error.kind === 'http' && error.status !== undefined) wire.status = error.status;
    if (error.kind === 'response') wire.reason = error.reason;
  } else if (PromptError.isInstance(error)) {
    if (error.kind === 'max-turns') wire.maxTurns = error.maxTurns;
    if (error.kind === 'tool') wire.toolName = error.toolName;
    if (error.kind === 'completion') wire.cause = toWireError(error.cause, message);
  } else if (StructuredOutputError.isInstance(error)) {
    if (error.kind === 'completion') wire.cause = toWireError(error.cause, message);
    if (error.kind !== 'completion' && error.rawText !== undefined) wire.rawText = error.rawText;
    if (error.kind === 'validation') {
      wire.value = error.value;
      wire.errors = error.errors;
    }
  }
  return wire;
}
