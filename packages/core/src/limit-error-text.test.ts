import { describe, expect, it } from 'vitest';
import { CompletionError } from './errors/completion-error.js';
import { limitErrorText } from './limit-error-text.js';

const SECRET = 'sk-secret-0123456789abcdefghijklmnop';
const redact = (text: string) => text.split(SECRET).join('[REDACTED]');

describe('limitErrorText', () => {
  it('returns an error within bounds, and anything that is not a CompletionError, as it is', () => {
    const error = new CompletionError({
      kind: 'provider',
      message: 'overloaded',
      providerError: { message: 'overloaded' },
    });
    expect(limitErrorText(error)).toBe(error);
    const other = new Error('x'.repeat(10_000));
    expect(limitErrorText(other)).toBe(other);
    expect(limitErrorText('reason')).toBe('reason');
  });

  it('cuts a 5 MB message to 500 characters and a provider message to 64 KiB, keeping kind, fields and cause', () => {
    const cause = new Error('inner');
    const huge = 'y'.repeat(5_000_000);
    const error = new CompletionError({
      kind: 'provider',
      message: `Anthropic reported overloaded_error: ${huge}`,
      providerError: { type: 'overloaded_error', message: huge },
      requestId: 'req_1',
      isRetryable: true,
      cause,
    });
    const limited = limitErrorText(error) as CompletionError & { providerError: { message: string } };
    expect(CompletionError.isInstance(limited)).toBe(true);
    expect(limited.message).toBe(`Anthropic reported overloaded_error: ${huge}`.slice(0, 500) + '…');
    expect(limited.providerError).toEqual({
      type: 'overloaded_error',
      message: `${huge.slice(0, 65_536)}…[truncated]`,
    });
    expect(limited).toMatchObject({
      name: 'CompletionError.Provider',
      kind: 'provider',
      requestId: 'req_1',
      isRetryable: true,
    });
    expect(limited.cause).toBe(cause);
  });

  it('gives a response error without a body the frame it is about, cut to 64 KiB', () => {
    const error = new CompletionError({
      kind: 'response',
      reason: 'malformed',
      message: 'delta is not a string (got an object)',
    });
    expect(limitErrorText(error, { body: '{"delta":{}}' })).toMatchObject({
      kind: 'response',
      reason: 'malformed',
      message: error.message,
      body: '{"delta":{}}',
    });
    const big = 'z'.repeat(100_000);
    expect((limitErrorText(error, { body: big }) as { body: string }).body).toBe(`${big.slice(0, 65_536)}…[truncated]`);
    const withBody = new CompletionError({ kind: 'response', reason: 'malformed', message: 'm', body: 'own' });
    expect(limitErrorText(withBody, { body: 'frame' })).toBe(withBody);
  });

  it('redacts before it cuts, so no piece of a secret straddling the cut survives', () => {
    // The secret starts 10 characters before the 500th.
    const message = `${'a'.repeat(490)}${SECRET}${'b'.repeat(1000)}`;
    const body = `${'c'.repeat(65_536 - 10)}${SECRET}${'d'.repeat(1000)}`;
    const limited = limitErrorText(new CompletionError({ kind: 'response', reason: 'malformed', message }), {
      redact,
      body,
    }) as CompletionError & { body: string };
    expect(limited.message).toBe(`${'a'.repeat(490)}[REDACTED]…`);
    expect(limited.body).toBe(`${'c'.repeat(65_526)}[REDACTED]…[truncated]`);
    expect(limited.message.includes(SECRET.slice(0, 8))).toBe(false);
    expect(limited.body.includes(SECRET.slice(0, 8))).toBe(false);
  });
});
