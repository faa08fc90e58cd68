import { describe, expect, it } from 'vitest';
import { parseOpenRouterError } from './openrouter-error.js';

describe('parseOpenRouterError', () => {
  it.each([
    [
      'an upstream error with metadata',
      {
        error: {
          code: 429,
          message: 'Provider returned error',
          metadata: { provider_name: 'Google', raw: 'model is rate-limited upstream' },
        },
      },
      { code: 429, message: 'Provider returned error (Google): model is rate-limited upstream' },
    ],
    [
      'an error without metadata',
      { error: { code: 400, message: 'Token limit reached' } },
      { code: 400, message: 'Token limit reached' },
    ],
    [
      'raw text without a message',
      { error: { code: 502, metadata: { raw: 'bad gateway' } } },
      { code: 502, message: 'bad gateway' },
    ],
    [
      'a typed error',
      { error: { message: 'No auth credentials found', code: 401, type: 'authentication_error' } },
      { code: 401, message: 'No auth credentials found', type: 'authentication_error' },
    ],
    ['a string error', { error: 'overloaded' }, { message: 'overloaded' }],
    ['an empty error object', { error: {} }, {}],
  ])('%s', (_name, body, expected) => {
    expect(parseOpenRouterError(body)).toEqual(expected);
  });

  it.each([[null], ['text'], [{ message: 'no error field' }], [{ error: null }]])('reads nothing from %j', (body) => {
    expect(parseOpenRouterError(body)).toBeUndefined();
  });
});
