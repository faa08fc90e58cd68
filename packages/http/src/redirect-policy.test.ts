import { inspect } from 'node:util';
import { sendJson } from '@rig-ts/fixtures/loopback';
import { describe, expect, it } from 'vitest';
import { HttpTransport } from './http-transport.js';
import { decideRedirect, isRedirect, MAX_REDIRECTS } from './redirect-policy.js';
import type { AuthScheme } from './transport-settings.js';
import { scriptedFetch } from './test-utils/scripted-fetch.js';
import { completionFailure } from './test-utils/completion-failure.js';
import { useLoopbackServers } from './test-utils/use-loopback-servers.js';

const KEY = 'sk-redirect-canary-5e1f9a7c3b2d';
const SCHEMES: readonly { auth: Exclude<AuthScheme, 'none'>; header: string; value: string }[] = [
  { auth: 'bearer', header: 'authorization', value: `Bearer ${KEY}` },
  { auth: 'x-api-key', header: 'x-api-key', value: KEY },
  { auth: 'x-goog-api-key', header: 'x-goog-api-key', value: KEY },
  { auth: 'api-key', header: 'api-key', value: KEY },
];

function redirect(status: number, location: string | undefined): Response {
  return new Response(null, { status, headers: location === undefined ? {} : { location } });
}

describe('decideRedirect', () => {
  const from = 'https://api.example.com/v1/chat/completions';

  it('follows a 307 or 308 within the same origin, relative locations included', () => {
    expect(decideRedirect(from, redirect(307, '/v2/chat/completions'), 0)).toEqual({
      follow: 'https://api.example.com/v2/chat/completions',
    });
    expect(decideRedirect(from, redirect(308, 'https://api.example.com/v1/chat/completions/'), 0)).toEqual({
      follow: 'https://api.example.com/v1/chat/completions/',
    });
  });

  it('refuses another origin (host, port or scheme), a 301, 302 or 303, a missing or broken Location, and too many hops', () => {
    expect(decideRedirect(from, redirect(307, 'https://evil.example.net/v1/chat/completions'), 0)).toEqual({
      refuse: 'it points to another origin, which must not receive the API key',
      target: 'https://evil.example.net/v1/chat/completions',
    });
    expect(decideRedirect(from, redirect(308, 'https://api.example.com:8443/v1'), 0)).toMatchObject({
      target: 'https://api.example.com:8443/v1',
    });
    expect(decideRedirect(from, redirect(308, 'http://api.example.com/v1'), 0)).toMatchObject({
      refuse: 'it points to another origin, which must not receive the API key',
    });
    for (const status of [301, 302, 303])
      expect(decideRedirect(from, redirect(status, '/v2'), 0)).toEqual({
        refuse: `a ${status} would turn the POST into a GET`,
        target: 'https://api.example.com/v2',
      });
    expect(decideRedirect(from, redirect(307, undefined), 0)).toEqual({
      refuse: 'it has no Location',
      target: undefined,
    });
    expect(decideRedirect(from, redirect(307, 'http://[oops'), 0)).toEqual({
      refuse: 'its Location is not a URL',
      target: 'http://[oops',
    });
    expect(decideRedirect(from, redirect(307, '/v2'), MAX_REDIRECTS)).toEqual({
      refuse: `${MAX_REDIRECTS} redirects were followed already`,
      target: 'https://api.example.com/v2',
    });
  });

  it('refuses the opaque redirect a browser gives for redirect: manual (its Location is hidden)', () => {
    const opaque = { type: 'opaqueredirect', status: 0, headers: new Headers(), body: null } as unknown as Response;
    expect(isRedirect(opaque)).toBe(true);
    expect(decideRedirect(from, opaque, 0)).toEqual({
      refuse: 'the browser does not reveal where it points',
      target: undefined,
    });
    expect(
      [200, 300, 304, 400].map((status) => isRedirect(new Response(null, { status: status === 304 ? 304 : status }))),
    ).toEqual([false, false, false, false]);
  });
});

describe('redirects through HttpTransport, for every auth scheme', () => {
  const serve = useLoopbackServers();
  function transport(url: string, auth: AuthScheme): HttpTransport {
    return new HttpTransport({ provider: 'TestAI', baseURL: `${url}/v1`, apiKey: KEY, auth, maxRetries: 2 });
  }

  it.each(SCHEMES)(
    'a 307 or 308 to another origin is refused and the other origin receives nothing ($auth)',
    async ({ auth, header }) => {
      for (const status of [307, 308]) {
        const other = await serve((_request, response) => sendJson(response, 200, { stolen: true }));
        const provider = await serve((_request, response) => {
          response.writeHead(status, { location: `${other.url}/collect?key=${KEY}` });
          response.end();
        });
        const url = `${provider.url}/v1/chat`;
        const error = await completionFailure(transport(provider.url, auth).postJson('/chat', { prompt: 'hi' }));
        expect(other.requests).toHaveLength(0);
        expect(provider.requests).toHaveLength(1);
        expect(provider.requests[0]?.headers[header]).toBeDefined();
        expect(error).toMatchObject({
          name: 'CompletionError.Http',
          kind: 'http',
          status,
          isRetryable: false,
          attempts: 1,
          request: `POST ${url}`,
        });
        expect(error.message).toBe(
          `TestAI answered POST ${url} with a redirect (HTTP ${status}) to ${other.url}/collect?key=[REDACTED]: not followed, as it points to another origin, which must not receive the API key (rig-ts follows only 307 and 308 redirects to the same origin)`,
        );
        for (const view of [
          error.message,
          String(error),
          error.stack ?? '',
          JSON.stringify(error),
          inspect(error, { depth: 10, showHidden: true }),
        ])
          expect(view).not.toContain(KEY);
      }
    },
  );

  it.each(SCHEMES)(
    'a same-origin 307 or 308 is followed with the method, body and key ($auth)',
    async ({ auth, header, value }) => {
      for (const status of [307, 308]) {
        const provider = await serve((request, response) => {
          if (request.url === '/v1/chat') {
            response.writeHead(status, { location: '/v2/chat' });
            response.end();
          } else sendJson(response, 200, { moved: true }, { 'x-request-id': 'req_moved' });
        });
        const result = await transport(provider.url, auth).postJson('/chat', { prompt: 'hi' });
        expect(result).toMatchObject({ body: { moved: true }, requestId: 'req_moved' });
        expect(provider.requests.map(({ method, url, body }) => ({ method, url, body }))).toEqual([
          { method: 'POST', url: '/v1/chat', body: '{"prompt":"hi"}' },
          { method: 'POST', url: '/v2/chat', body: '{"prompt":"hi"}' },
        ]);
        expect(provider.requests.map((request) => request.headers[header])).toEqual([value, value]);
      }
    },
  );

  it.each(SCHEMES)(
    'a 301, 302 or 303 is refused, not turned into a GET, even within the origin ($auth)',
    async ({ auth }) => {
      for (const status of [301, 302, 303]) {
        const provider = await serve((request, response) => {
          if (request.method === 'POST') {
            response.writeHead(status, { location: '/v1/answer' });
            response.end();
          } else sendJson(response, 200, { got: 'a GET' });
        });
        const error = await completionFailure(transport(provider.url, auth).postStream('/chat', {}));
        expect(provider.requests.map((request) => request.method)).toEqual(['POST']);
        expect(error).toMatchObject({ kind: 'http', status, isRetryable: false, attempts: 1 });
        expect(error.message).toBe(
          `TestAI answered POST ${provider.url}/v1/chat with a redirect (HTTP ${status}) to ${provider.url}/v1/answer: not followed, as a ${status} would turn the POST into a GET (rig-ts follows only 307 and 308 redirects to the same origin)`,
        );
      }
    },
  );

  it('stops after five same-origin hops', async () => {
    const provider = await serve((request, response) => {
      response.writeHead(307, { location: `${request.url}/again` });
      response.end();
    });
    const error = await completionFailure(transport(provider.url, 'bearer').postJson('/chat', {}));
    expect(provider.requests).toHaveLength(MAX_REDIRECTS + 1);
    expect(error.message).toBe(
      `TestAI answered POST ${provider.url}/v1/chat with a redirect (HTTP 307) to ${provider.url}/v1/chat${'/again'.repeat(6)}: not followed, as 5 redirects were followed already (rig-ts follows only 307 and 308 redirects to the same origin)`,
    );
  });

  it('asks fetch not to follow redirects itself, and refuses a browser’s opaque redirect', async () => {
    const fetch = scriptedFetch(
      () =>
        ({ type: 'opaqueredirect', status: 0, ok: false, headers: new Headers(), body: null }) as unknown as Response,
    );
    const error = await completionFailure(
      new HttpTransport({ provider: 'TestAI', baseURL: 'https://api.test/v1', apiKey: KEY, fetch }).postJson(
        '/chat',
        {},
      ),
    );
    expect(fetch.requests).toHaveLength(1);
    expect(fetch.requests[0]?.redirect).toBe('manual');
    expect(error).toMatchObject({ kind: 'http', isRetryable: false, attempts: 1 });
    expect('status' in error).toBe(false);
    expect(error.message).toBe(
      'TestAI answered POST https://api.test/v1/chat with a redirect: not followed, as the browser does not reveal where it points (rig-ts follows only 307 and 308 redirects to the same origin)',
    );
  });
});
