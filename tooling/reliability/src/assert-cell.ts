import { CompletionError } from '@rig-ts/core';
import { expect } from 'vitest';
import { expectedMessage, JSON_CONTENT_TYPES, messageFor, partialTextFor, type MatrixCell } from './fault-matrix.js';
import type { CellObservation, ReferenceAnswer } from './run-fault-cell.js';
import { answerShape, deltaText, itemShapes, shrunk, shrunkWithFiller } from './test-utils/answer-shape.js';
import { CANARY_KEY, canarySightings } from './test-utils/canary.js';

/** Asserts everything the matrix states about one cell, plus: the canary key went out and never came back. */
export function assertCell(cell: MatrixCell, observation: CellObservation, reference: ReferenceAnswer): void {
  const { row, provider, mode, expectation } = cell;
  const marker = 'inflate' in row.source ? row.source.inflate.marker : '';
  const url = observation.root + provider.path(mode);
  const fillerLength = observation.fillerLength;

  // Attempts, as the server counted them; each carried the key.
  if (typeof expectation.attempts === 'number') expect(observation.attempts, 'attempts').toBe(expectation.attempts);
  else expect(observation.attempts, 'attempts').toBeLessThanOrEqual(expectation.attempts.atMost);
  expect(observation.credentials, 'the key sent').toEqual(
    Array.from({ length: observation.attempts }, () => CANARY_KEY),
  );

  // The outcome.
  const outcome = expectation.outcome;
  if (outcome === 'answer') {
    expect(observation.error, 'no error').toBeUndefined();
    const expected = answerShape(mode === 'stream' ? reference.streamed : reference.completion);
    expect(shrunk(answerShape(observation.response!)), 'the answer').toBe(
      shrunkWithFiller(expected, marker, fillerLength),
    );
  } else if (outcome === 'abort-reason') {
    expect(observation.abortReason, 'the caller aborted').toBeInstanceOf(Error);
    expect(observation.error, 'rejects with the abort reason itself').toBe(observation.abortReason);
    expect(observation.response === undefined, 'no answer').toBe(true);
  } else {
    const error = observation.error as CompletionError & { [field: string]: unknown };
    expect(CompletionError.isInstance(error), `a CompletionError, got ${String(error)}`).toBe(true);
    expect(error.name).toBe(outcome.name);
    expect(error.kind).toBe(outcome.kind);
    expect(error.isRetryable, 'isRetryable').toBe(outcome.isRetryable);
    expect(error.status, 'status').toBe(outcome.status);
    expect(error.reason, 'reason').toBe(outcome.reason);
    expect(error.attempts, 'the attempts field').toBe(outcome.attempts);
    const message = expectedMessage(messageFor(outcome, provider.wire), {
      provider: provider.name,
      url,
      jsonContentType: JSON_CONTENT_TYPES[provider.wire],
    });
    if (typeof message === 'string') expect(shrunk(error.message)).toBe(shrunk(message));
    else expect(error.message).toMatch(message);
    if (outcome.headers !== undefined) expect(error.headers).toMatchObject(outcome.headers);
    if (outcome.bodyLength !== undefined) {
      expect(typeof error.body === 'string' && error.body.length, 'body length').toBe(outcome.bodyLength);
      expect(error.body).toMatch(/…\[truncated\]$/);
    }
    expect(observation.response === undefined, 'no answer').toBe(true);
  }
  // A failed stream's `final` rejects with the very error the iteration ended with.
  if (mode === 'stream' && outcome !== 'answer' && observation.items.length > 0)
    expect(observation.finalError, 'final rejects with the same error').toBe(observation.error);

  // What the consumer got before the outcome.
  const partial = expectation.partial;
  const referenceItems = itemShapes(reference.items);
  const items = itemShapes(observation.items);
  if (mode === 'completion' || partial === 'none') expect(items, 'no items').toEqual([]);
  else if (partial === 'all')
    expect(shrunk(items), 'every item').toBe(shrunkWithFiller(referenceItems, marker, fillerLength));
  else if (partial === 'all-text')
    expect(shrunk(items), 'every item but the final one').toBe(
      shrunkWithFiller(referenceItems.slice(0, -1), marker, fillerLength),
    );
  else if (partial === 'prefix') {
    expect(items.length, 'fewer items than the whole answer').toBeLessThan(referenceItems.length);
    expect(shrunk(items), 'the first items of the answer').toBe(shrunk(referenceItems.slice(0, items.length)));
  } else {
    expect(observation.items.every((item) => item.type === 'text')).toBe(true);
    expect(deltaText(observation.items), 'the text delivered').toBe(partialTextFor(partial, provider.wire));
  }

  // Usage.
  if (expectation.usage) {
    const usage = (mode === 'stream' ? reference.streamed : reference.completion).usage;
    expect(observation.response?.usage, 'usage').toEqual(usage);
    if (mode === 'stream') expect(observation.streamUsage, 'stream.usage()').toEqual(usage);
  } else {
    expect(observation.streamUsage, 'stream.usage()').toBeUndefined();
    expect(observation.items.some((item) => item.type === 'final')).toBe(false);
  }

  // Time.
  if (expectation.timeMs.from === 'abort') {
    expect(observation.afterAbortMs, 'ms from the abort until the call settled').toBeDefined();
    expect(observation.afterAbortMs, 'ms from the abort until the call settled').toBeLessThan(expectation.timeMs.under);
  } else {
    if (expectation.timeMs.atLeast !== undefined)
      expect(observation.elapsedMs, 'elapsed ms').toBeGreaterThanOrEqual(expectation.timeMs.atLeast);
    expect(observation.elapsedMs, 'elapsed ms').toBeLessThan(expectation.timeMs.under);
  }

  // Nothing left hanging on the server.
  expect(observation.connections.active, 'requests still being answered').toBe(0);

  // The key never comes back out.
  expect(canarySightings(observation.error), 'the key in the error').toEqual([]);
  expect(canarySightings(observation.items), 'the key in the items').toEqual([]);
  expect(canarySightings(observation.response), 'the key in the response').toEqual([]);
}
