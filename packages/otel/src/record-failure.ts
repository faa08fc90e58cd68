import { SpanStatusCode, type Span } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE } from './gen-ai-attributes.js';
import { scrubCredentials } from './scrub-credentials.js';

function messageOf(error: unknown): string | undefined {
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string')
    return (error as { message: string }).message;
  return undefined;
}

/**
 * Marks `span` failed: `error.type`, an error status and an `exception` event. The message (status description and
 * `exception.message`) is the error's own, with anything shaped like a credential removed; no stack trace, no cause.
 */
export function recordFailure(span: Span, errorType: string, error: unknown): void {
  span.setAttribute(ATTR_ERROR_TYPE, errorType);
  const raw = messageOf(error);
  const message = raw === undefined ? undefined : scrubCredentials(raw);
  const name =
    typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string'
      ? (error as { name: string }).name
      : errorType;
  span.recordException(message === undefined ? { name } : { name, message });
  span.setStatus(message === undefined ? { code: SpanStatusCode.ERROR } : { code: SpanStatusCode.ERROR, message });
}

/** Marks `span` ended by its caller or by neglect (`cancelled`, `abandoned`): `error.type` and an error status, no exception event. */
export function recordInterruption(span: Span, errorType: string, description: string): void {
  span.setAttribute(ATTR_ERROR_TYPE, errorType);
  span.setStatus({ code: SpanStatusCode.ERROR, message: description });
}
