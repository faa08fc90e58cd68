import { CompletionError } from '@rig-ts/core';
import { describe, expect, it } from 'vitest';
import { HttpTransport } from './http-transport.js';
import { completionFailure } from './test-utils/completion-failure.js';
import { scriptedFetch } from './test-utils/scripted-fetch.js';

const SECRET = 'tenant-secret-0123456789';
const answer = () => new Response('{}', { headers: { 'content-type': 'application/json' } });
const settings = (fetch: typeof globalThis.fetch, headers?: { [name: string]: string }) => ({
  provider: 'acme',
  baseURL: 'http://127.0.0.1:9/v1',
  apiKey: 'sk-acme-0123456789abcdef',
  fetch,
  ...(headers === undefined ? {} : { headers }),
});

const BAD_HEADERS: [string, { [name: string]: string }, string][] = [
  ['a line break in a value', { 'x-tenant': `${SECRET}\ninjected: 1` }, 'x-tenant'],
  ['a NUL in a value', { 'x-tenant': `${SECRET}\0` }, 'x-tenant'],
  ['a name that is not a token', { 'x tenant': SECRET }, 'x tenant'],
  ['an empty name', { '': SECRET }, ''],
];

describe('headers fetch cannot send', () => {
  it.each(BAD_HEADERS)(
    'client headers with %s: the client refuses them, naming the header only',
    (_name, headers, name) => {
      const error = (() => {
        try {
          new HttpTransport(settings(scriptedFetch(answer), headers));
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(CompletionError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({
        kind: 'request',
        path: 'headers',
        message: `acme client: the header ${JSON.stringify(name)} cannot be sent: its name or value holds a character a header cannot carry`,
      });
      expect(JSON.stringify(error) + String((error as Error).stack)).not.toContain(SECRET);
    },
  );

  it.each(BAD_HEADERS)(
    'call headers with %s: the call fails before anything is sent, unretried',
    async (_name, headers, name) => {
      const fetch = scriptedFetch(answer);
      const error = await completionFailure(new HttpTransport(settings(fetch)).postJson('/chat', {}, { headers }));
      expect(error).toMatchObject({
        kind: 'request',
        path: 'headers',
        message: `acme: POST http://127.0.0.1:9/v1/chat: the header ${JSON.stringify(name)} cannot be sent: its name or value holds a character a header cannot carry`,
      });
      expect(fetch.requests).toEqual([]);
    },
  );

  it('good headers are sent as given', async () => {
    const fetch = scriptedFetch(answer);
    await new HttpTransport(settings(fetch, { 'x-tenant': 'a' })).postJson('/chat', {}, { headers: { 'x-call': 'b' } });
    expect([fetch.requests[0]!.headers.get('x-tenant'), fetch.requests[0]!.headers.get('x-call')]).toEqual(['a', 'b']);
  });
});
