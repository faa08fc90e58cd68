import { CompletionError } from 'rig-ts';
import { describe, expect, it } from 'vitest';
import { formatError } from './format-error.js';

describe('formatError', () => {
  it('keeps the message of a rig-ts error, on one line, without a stack', () => {
    const error = new CompletionError({
      kind: 'http',
      status: 401,
      message:
        'OpenAI returned HTTP 401 Unauthorized for POST https://api.openai.com/v1/responses:\n  Incorrect API key provided',
    });
    expect(formatError(error)).toBe(
      'OpenAI returned HTTP 401 Unauthorized for POST https://api.openai.com/v1/responses: Incorrect API key provided',
    );
  });

  it('redacts every secret it is given', () => {
    expect(formatError(new Error('bad key sk-abc123 (sk-abc123)'), ['sk-abc123', ''])).toBe(
      'bad key [REDACTED] ([REDACTED])',
    );
  });

  it('describes what is not an Error', () => {
    expect(formatError('plain text')).toBe('plain text');
    expect(formatError({ code: 7 })).toBe('{"code":7}');
    expect(formatError(new TypeError(''))).toBe('TypeError');
    expect(formatError(undefined)).toBe('undefined');
  });

  it('cuts a very long message', () => {
    const line = formatError(new Error('x'.repeat(1000)));
    expect(line).toHaveLength(600);
    expect(line.endsWith('x…')).toBe(true);
  });
});
