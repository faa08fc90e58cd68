import { describe, expect, it } from 'vitest';
import { HttpTransport } from './http-transport.js';
import { completionFailure } from './test-utils/completion-failure.js';
import { scriptedFetch } from './test-utils/scripted-fetch.js';

const answer = () => new Response('{}', { headers: { 'content-type': 'application/json' } });

function transport(apiKey: unknown) {
  const fetch = scriptedFetch(answer);
  return {
    fetch,
    transport: new HttpTransport({
      provider: 'acme',
      baseURL: 'http://127.0.0.1:9/v1',
      apiKey: () => apiKey as string,
      apiKeyVariables: ['ACME_API_KEY'],
      fetch,
    }),
  };
}

describe('an API key a header cannot carry', () => {
  it.each([
    ['a line break inside', 'sk-acme-0123456789\nabcdef', 'it holds a line break, a NUL or a character past U+00FF'],
    [
      'a carriage return inside',
      'sk-acme\r0123456789abcdef',
      'it holds a line break, a NUL or a character past U+00FF',
    ],
    ['a NUL', 'sk-acme-0123456789abcdef\0', 'it holds a line break, a NUL or a character past U+00FF'],
    [
      'a dash pasted from a document (U+2013)',
      'sk-acme\u20130123456789abcdef',
      'it holds a line break, a NUL or a character past U+00FF',
    ],
    ['a function (JavaScript callers)', () => 'sk-acme', 'got function'],
    ['a number', 42, 'got number'],
  ])('%s: a request error naming apiKey, nothing sent', async (_name, apiKey, why) => {
    const { fetch, transport: acme } = transport(apiKey);
    const error = await completionFailure(acme.postJson('/chat', {}));
    expect(error).toMatchObject({
      name: 'CompletionError.Request',
      kind: 'request',
      path: 'apiKey',
      message: `acme: the API key must be a string a header can carry (${why})`,
    });
    expect(fetch.requests).toEqual([]);
  });

  it('a key read from a file with its trailing line break is sent without it, as fetch does', async () => {
    const { fetch, transport: acme } = transport('sk-acme-0123456789abcdef\n');
    await acme.postJson('/chat', {});
    expect(fetch.requests.map((request) => request.headers.get('authorization'))).toEqual([
      'Bearer sk-acme-0123456789abcdef',
    ]);
  });
});
