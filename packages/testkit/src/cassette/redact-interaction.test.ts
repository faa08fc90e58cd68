import { describe, expect, it } from 'vitest';
import { REDACTED, redactHeaders, redactText, redactUrl, secretList } from './redact-interaction.js';

describe('redaction', () => {
  it('redacts credential headers whatever their value, secrets in the others, and drops transfer headers', () => {
    const headers = new Headers({
      Authorization: 'Bearer sk-1',
      'X-Api-Key': 'k',
      'x-goog-api-key': 'g',
      'api-key': 'a',
      cookie: 'session=1',
      'x-custom': 'contains sk-1 inside',
      'content-encoding': 'gzip',
      'content-length': '10',
      'content-type': 'application/json',
    });
    expect(redactHeaders(headers, ['sk-1'])).toEqual({
      authorization: REDACTED,
      'x-api-key': REDACTED,
      'x-goog-api-key': REDACTED,
      'api-key': REDACTED,
      cookie: REDACTED,
      'x-custom': 'contains [REDACTED] inside',
      'content-type': 'application/json',
    });
  });

  it('redacts credential query parameters and secrets in URLs', () => {
    expect(redactUrl('https://h.test/v1beta/models/m:generateContent?alt=sse&key=AIza123', [])).toBe(
      'https://h.test/v1beta/models/m:generateContent?alt=sse&key=[REDACTED]',
    );
    expect(redactUrl('https://h.test/x?api_key=1&Token=2&keep=3#frag', [])).toBe(
      'https://h.test/x?api_key=[REDACTED]&Token=[REDACTED]&keep=3#frag',
    );
    expect(redactUrl('https://h.test/deployments/secret-dep/chat', ['secret-dep'])).toBe(
      'https://h.test/deployments/[REDACTED]/chat',
    );
    expect(redactUrl('https://h.test/x?monkey=1', [])).toBe('https://h.test/x?monkey=1');
  });

  it('replaces every occurrence of every secret', () => {
    expect(redactText('a sk-1 b sk-1 c sk-2', ['sk-1', 'sk-2'])).toBe('a [REDACTED] b [REDACTED] c [REDACTED]');
    expect(secretList(['a', undefined, '', null, 'b'])).toEqual(['a', 'b']);
  });
});
