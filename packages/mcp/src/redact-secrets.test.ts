import { SdkErrorCode, SdkHttpError } from '@modelcontextprotocol/client';
import { describe, expect, it } from 'vitest';
import { collectSecrets, redactCause, redactText } from './redact-secrets.js';

describe('collectSecrets', () => {
  it('takes header values, the token after an auth scheme and URL query values, longest first', () => {
    expect(
      collectSecrets({
        url: 'https://host/mcp?key=query-secret&debug=1',
        headers: { authorization: 'Bearer token-123456', 'x-api-key': 'key-abcdef', 'x-mode': 'on' },
      }),
    ).toEqual(['Bearer token-123456', 'token-123456', 'query-secret', 'key-abcdef']);
  });

  it('takes the values of a stdio server environment', () => {
    expect(
      collectSecrets({ command: 'server', env: { API_KEY: 'sk-live-123456', DEBUG: '1', PATH: '/usr/bin' } }),
    ).toEqual(['sk-live-123456', '/usr/bin']);
  });
});

describe('redactText', () => {
  it('replaces every occurrence', () => {
    expect(redactText('token-123456 and again token-123456', ['token-123456'])).toBe('[REDACTED] and again [REDACTED]');
    expect(redactText('nothing here', ['token-123456'])).toBe('nothing here');
  });
});

describe('redactCause', () => {
  it('copies an SDK HTTP error without its body and with the secret redacted from its message and stack', () => {
    const error = new SdkHttpError(
      SdkErrorCode.ClientHttpAuthentication,
      'Error POSTing: {"error":"bad token Bearer token-123456"}',
      {
        status: 401,
        text: '{"error":"bad token Bearer token-123456"}',
      },
    );
    const copy = redactCause(error, ['Bearer token-123456', 'token-123456']) as Error & Record<string, unknown>;
    expect(copy).toBeInstanceOf(Error);
    expect(copy).not.toBe(error);
    expect(copy.name).toBe(error.name);
    expect(copy.message).toBe('Error POSTing: {"error":"bad token [REDACTED]"}');
    expect(copy.code).toBe('CLIENT_HTTP_AUTHENTICATION');
    expect(copy.status).toBe(401);
    expect(copy.data).toBeUndefined();
    expect(copy.stack).not.toContain('token-123456');
  });

  it('follows the cause chain and drops a spawn error arguments', () => {
    const spawnError = Object.assign(new Error('spawn server ENOENT'), {
      code: 'ENOENT',
      spawnargs: ['--api-key=sk-live-123456'],
    });
    const copy = redactCause(new Error('outer', { cause: spawnError }), ['sk-live-123456']) as Error;
    expect(copy.message).toBe('outer');
    expect(copy.cause).toMatchObject({ message: 'spawn server ENOENT', code: 'ENOENT' });
    expect((copy.cause as Record<string, unknown>).spawnargs).toBeUndefined();
  });

  it('passes non-errors through', () => {
    expect(redactCause('text', ['text'])).toBe('text');
    expect(redactCause(undefined, [])).toBeUndefined();
  });
});
