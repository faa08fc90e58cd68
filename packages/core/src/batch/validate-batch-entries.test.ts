import { describe, expect, it } from 'vitest';
import type { CompletionRequest } from '../completion-request.js';
import { CompletionError } from '../errors/completion-error.js';
import { Message } from '../message.js';
import type { BatchEntry } from './batch-result.js';
import { validateBatchEntries, type BatchEntryRules } from './validate-batch-entries.js';

const request: CompletionRequest = { chatHistory: [Message.user('hi')], documents: [], tools: [] };
const rules = {
  provider: 'Anthropic',
  maxRequests: 3,
  idPattern: /^[a-zA-Z0-9_-]{1,64}$/,
  idRule: '1 to 64 letters, digits, _ or -',
};

function error(entries: unknown, overrides: Partial<BatchEntryRules> = {}): unknown {
  try {
    validateBatchEntries(entries as BatchEntry[], { ...rules, ...overrides });
    return undefined;
  } catch (caught) {
    return caught;
  }
}

describe('validateBatchEntries', () => {
  it('accepts unique valid ids up to the limit', () => {
    expect(
      error([
        { id: 'q1', request },
        { id: 'Q_2-b', request },
        { id: 'x'.repeat(64), request },
      ]),
    ).toBeUndefined();
    expect(
      error([{ id: 'any id / with spaces', request }], { idPattern: undefined, idRule: undefined }),
    ).toBeUndefined();
  });

  it.each([
    [
      'not an array',
      { id: 'q', request },
      'entries',
      'Anthropic batch: submitBatch takes an array of { id, request } entries',
    ],
    ['an empty list', [], 'entries', 'Anthropic batch: no requests, give at least one'],
    [
      'too many requests',
      [1, 2, 3, 4].map((n) => ({ id: `q${n}`, request })),
      'entries',
      'Anthropic batch: 4 requests, more than the 3 one batch takes: split it',
    ],
    ['a null entry', [{ id: 'q1', request }, null], 'entries[1]', 'entries[1] must be an object { id, request }'],
    ['an empty id', [{ id: '', request }], 'entries[0].id', 'entries[0].id must be a non-empty string'],
    ['a missing id', [{ request }], 'entries[0].id', 'entries[0].id must be a non-empty string'],
    ['a numeric id', [{ id: 7, request }], 'entries[0].id', 'entries[0].id must be a non-empty string'],
    [
      'an id with a space',
      [{ id: 'q 1', request }],
      'entries[0].id',
      'entries[0].id "q 1" is not a valid Anthropic batch id: 1 to 64 letters, digits, _ or -',
    ],
    [
      'an id of 65 characters',
      [{ id: 'x'.repeat(65), request }],
      'entries[0].id',
      `entries[0].id "${'x'.repeat(65)}" is not a valid Anthropic batch id: 1 to 64 letters, digits, _ or -`,
    ],
    [
      'an id with a newline',
      [{ id: 'q1\n', request }],
      'entries[0].id',
      'entries[0].id "q1\\n" is not a valid Anthropic batch id: 1 to 64 letters, digits, _ or -',
    ],
    [
      'a duplicate id',
      [
        { id: 'q1', request },
        { id: 'q2', request },
        { id: 'q1', request },
      ],
      'entries[2].id',
      'entries[2].id "q1" repeats entries[0].id: ids must be unique in a batch',
    ],
    [
      'a missing request',
      [{ id: 'q1' }],
      'entries[0].request',
      'entries[0].request must be a completion request (model.completionRequest(prompt)…build())',
    ],
    [
      'a builder instead of a request',
      [{ id: 'q1', request: { build: () => request } }],
      'entries[0].request',
      'entries[0].request must be a completion request (model.completionRequest(prompt)…build())',
    ],
  ])('refuses %s with a request error naming the entry', (_name, entries, path, message) => {
    const caught = error(entries);
    expect(CompletionError.isInstance(caught)).toBe(true);
    expect(caught).toMatchObject({ kind: 'request', path, message, isRetryable: false });
  });
});
