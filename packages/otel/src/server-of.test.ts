import { describe, expect, it } from 'vitest';
import { serverOf } from './server-of.js';

describe('serverOf', () => {
  it.each([
    ['https://api.openai.com/v1', { address: 'api.openai.com', port: 443 }],
    ['http://127.0.0.1:11434', { address: '127.0.0.1', port: 11434 }],
    ['http://localhost/v1', { address: 'localhost', port: 80 }],
    ['https://user:sk-secret@gateway.example:8443/v1?key=AIzaSecret#x', { address: 'gateway.example', port: 8443 }],
    ['http://[::1]:8080/v1', { address: '::1', port: 8080 }],
  ])('%s', (url, expected) => {
    expect(serverOf(url)).toEqual(expected);
  });

  it('takes a URL object', () => {
    expect(serverOf(new URL('https://api.anthropic.com/v1'))).toEqual({ address: 'api.anthropic.com', port: 443 });
  });

  it('refuses what is not an http(s) URL with a host, with a message that quotes no part of it', () => {
    expect(() => serverOf('api.openai.com/v1')).toThrow(
      new TypeError(
        "serverURL must be an absolute URL such as https://api.openai.com/v1 (the base URL of the model's client)",
      ),
    );
    expect(() => serverOf('file:///tmp/socket')).toThrow(
      new TypeError('serverURL must be an http or https URL with a host, got the scheme file:'),
    );
  });
});
