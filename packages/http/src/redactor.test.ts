import { inspect } from 'node:util';
import { CompletionError } from '@rig-ts/core';
import { sendJson } from '@rig-ts/fixtures/loopback';
import { describe, expect, it } from 'vitest';
import { HttpTransport } from './http-transport.js';
import { MIN_SECRET_LENGTH, Redactor } from './redactor.js';
import { completionFailure } from './test-utils/completion-failure.js';
import { useLoopbackServers } from './test-utils/use-loopback-servers.js';

const KEY = 'sk-canary-9d8c7b6a5f4e3d2c1b0a';
const FRAGMENT = KEY.slice(3, 25);

/** Every way an error shows itself: message, String(), stack, JSON, util.inspect with hidden properties. */
function views(value: unknown): string[] {
  const error = value as Error;
  return [
    error.message ?? '',
    String(value),
    error.stack ?? '',
    JSON.stringify(value),
    inspect(value, { depth: 10, showHidden: true }),
  ];
}

function escaped(text: string, which: (character: string, index: number) => boolean, upper = false): string {
  return [...text]
    .map((character, index) =>
      which(character, index) ? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}` : character,
    )
    .join('')
    .replace(/\\u([0-9a-f]{4})/g, (match, hex: string) => (upper ? `\\u${hex.toUpperCase()}` : match));
}

describe('Redactor', () => {
  const redactor = new Redactor(KEY);

  it('removes the key wherever it stands, inside words too', () => {
    expect(redactor.text(`Incorrect API key provided: ${KEY}.`)).toBe('Incorrect API key provided: [REDACTED].');
    expect(redactor.text(`x${KEY}y${KEY}`)).toBe('x[REDACTED]y[REDACTED]');
    expect(redactor.text('nothing to see')).toBe('nothing to see');
  });

  it('removes the key JSON-escaped, one character, some, every one, in either case of hex digits, in a slash-escaped form', () => {
    for (const form of [
      escaped(KEY, (character) => character === '-'),
      escaped(KEY, (character) => character === '-', true),
      escaped(KEY, (_character, index) => index % 3 === 0),
      escaped(KEY, () => true, true),
    ]) {
      const body = `{"error":{"message":"Incorrect API key provided: ${form}"}}`;
      expect(redactor.text(body)).toBe('{"error":{"message":"Incorrect API key provided: [REDACTED]"}}');
    }
    const withSlash = new Redactor('sk/proj/0123456789abcdef');
    expect(withSlash.text('"key":"sk\\/proj\\u002f0123456789abcdef"')).toBe('"key":"[REDACTED]"');
    expect(redactor.text('a\\nb \\u0041')).toBe('a\\nb \\u0041');
  });

  it(`leaves keys shorter than ${MIN_SECRET_LENGTH} characters alone: placeholders must not mangle messages`, () => {
    for (const placeholder of [
      'x',
      'e',
      'key',
      'sk-local',
      'ollama',
      'lm-studio',
      'token-abc123',
      'a'.repeat(MIN_SECRET_LENGTH - 1),
    ]) {
      const short = new Redactor(placeholder);
      expect(short.secret).toBeUndefined();
      const message = `error: invalid API key provided: ${placeholder}; see the key docs at https://example.test/key (disk-local)`;
      expect(short.text(message)).toBe(message);
    }
    const atTheLimit = 'k'.repeat(MIN_SECRET_LENGTH);
    expect(new Redactor(atTheLimit).text(`a ${atTheLimit} b`)).toBe('a [REDACTED] b');
    expect(new Redactor(undefined).text(`a ${KEY}`)).toBe(`a ${KEY}`);
  });

  it('drops the start of a key cut in two by a length limit', () => {
    expect(redactor.cutText(`body ${KEY.slice(0, 12)}`)).toBe('body ');
    expect(redactor.cutText(`body ${KEY.slice(0, 3)}`)).toBe(`body ${KEY.slice(0, 3)}`);
    expect(redactor.cutText(`body ${KEY} and ${KEY.slice(0, 20)}`)).toBe('body [REDACTED] and ');
  });

  it('hands out headers as they are when clean, else a redacted copy, names included', () => {
    const clean = new Headers({ 'x-request-id': 'req_1' });
    expect(redactor.headers(clean)).toBe(clean);
    const dirty = new Headers({
      'x-request-id': `req_${KEY}`,
      [`x-echo-${KEY.toLowerCase()}`]: '1',
      'content-type': 'application/json',
    });
    expect([...redactor.headers(dirty)]).toEqual([
      ['content-type', 'application/json'],
      ['x-echo-redacted', '1'],
      ['x-request-id', 'req_[REDACTED]'],
    ]);
    expect(redactor.headerObject(dirty)).toEqual({
      'content-type': 'application/json',
      'x-echo-[REDACTED]': '1',
      'x-request-id': 'req_[REDACTED]',
    });
  });

  it('copies a cause chain that mentions the key, keeping name and code; keeps a clean one as is', () => {
    const inner = Object.assign(new Error(`socket ${KEY}`), { code: 'ECONNRESET' });
    const outer = new TypeError('fetch failed', { cause: inner });
    const copy = redactor.cause(outer) as Error & { cause: Error & { code: string } };
    expect(copy).not.toBe(outer);
    expect(copy).toMatchObject({
      name: 'TypeError',
      message: 'fetch failed',
      cause: { name: 'Error', message: 'socket [REDACTED]', code: 'ECONNRESET' },
    });
    for (const view of views(copy)) expect(view).not.toContain(FRAGMENT);
    const clean = new TypeError('fetch failed', { cause: new Error('socket hang up') });
    expect(redactor.cause(clean)).toBe(clean);
  });

  it('copies a CompletionError that mentions the key, also JSON-escaped in a field; keeps a clean one as is', () => {
    const error = new CompletionError({
      kind: 'http',
      message: 'HTTP 401',
      status: 401,
      body: `{"message":"${escaped(KEY, (character) => character === '-')}"}`,
      providerError: { message: `bad key ${KEY}` },
    });
    const copy = redactor.error(error);
    expect(copy).toMatchObject({
      name: 'CompletionError.Http',
      kind: 'http',
      status: 401,
      body: '{"message":"[REDACTED]"}',
      providerError: { message: 'bad key [REDACTED]' },
    });
    const clean = new CompletionError({ kind: 'http', message: 'HTTP 500', status: 500 });
    expect(redactor.error(clean)).toBe(clean);
  });
});

describe('every string from the wire passes the redactor', () => {
  const serve = useLoopbackServers();
  function transport(url: string, apiKey = KEY): HttpTransport {
    return new HttpTransport({ provider: 'TestAI', baseURL: url, apiKey, maxRetries: 0 });
  }

  it('the HTTP reason phrase', async () => {
    const loopback = await serve((_request, response) => {
      response.writeHead(401, `Unauthorized ${KEY}`, { 'content-type': 'application/json' });
      response.end('{"error":{"message":"no"}}');
    });
    const error = await completionFailure(transport(loopback.url).postJson('/x', {}));
    expect(error.message).toBe(`TestAI returned HTTP 401 Unauthorized [REDACTED] for POST ${loopback.url}/x: no`);
    for (const view of views(error)) expect(view).not.toContain(FRAGMENT);
  });

  it('x-request-id and every header, on an answer, an error and a stream', async () => {
    const loopback = await serve((_request, response, index) => {
      const headers = { 'x-request-id': `req_${KEY}`, 'x-echo': KEY };
      if (index === 0) sendJson(response, 200, { ok: true }, headers);
      else if (index === 1) sendJson(response, 400, { error: { message: 'bad' } }, headers);
      else {
        response.writeHead(200, { 'content-type': 'text/event-stream', ...headers });
        response.end('data: 1\n\n');
      }
    });
    const client = transport(loopback.url);
    const answer = await client.postJson('/x', {});
    expect(answer.requestId).toBe('req_[REDACTED]');
    expect(answer.headers.get('x-echo')).toBe('[REDACTED]');
    const error = await completionFailure(client.postJson('/x', {}));
    expect(error).toMatchObject({
      requestId: 'req_[REDACTED]',
      headers: { 'x-request-id': 'req_[REDACTED]', 'x-echo': '[REDACTED]' },
    });
    for (const view of views(error)) expect(view).not.toContain(FRAGMENT);
    const call = await client.postStream('/x', {});
    expect(call.requestId).toBe('req_[REDACTED]');
    expect(call.headers.get('x-request-id')).toBe('req_[REDACTED]');
    expect(await new Response(call.body).text()).toBe('data: 1\n\n');
    call.settle();
  });

  it('a JSON-escaped key in an error body: message, body and provider error', async () => {
    const loopback = await serve((_request, response) =>
      sendJson(
        response,
        401,
        `{"error":{"message":"Incorrect API key provided: ${escaped(KEY, (character) => character === '-')}","code":"invalid_api_key"}}`,
      ),
    );
    const error = await completionFailure(transport(loopback.url).postJson('/x', {}));
    expect(error).toMatchObject({
      status: 401,
      providerError: { message: 'Incorrect API key provided: [REDACTED]', code: 'invalid_api_key' },
      body: '{"error":{"message":"Incorrect API key provided: [REDACTED]","code":"invalid_api_key"}}',
    });
    expect(error.message).toBe(
      `TestAI returned HTTP 401 Unauthorized for POST ${loopback.url}/x: Incorrect API key provided: [REDACTED]`,
    );
    for (const view of views(error)) expect(view).not.toContain(FRAGMENT);
  });

  it('the content type of a 200 that is not the stream (or JSON) asked for', async () => {
    const loopback = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': `text/plain; key=${KEY}` });
      response.end('OK');
    });
    const streamError = await completionFailure(transport(loopback.url).postStream('/x', {}));
    expect(streamError.message).toBe(
      `TestAI answered POST ${loopback.url}/x with content-type text/plain; key=[REDACTED] instead of a stream: OK`,
    );
    const jsonError = await completionFailure(transport(loopback.url).postJson('/x', {}));
    expect(jsonError.message).toBe(
      `TestAI answered POST ${loopback.url}/x with a body that is not JSON (content-type text/plain; key=[REDACTED]): OK`,
    );
    for (const view of [...views(streamError), ...views(jsonError)]) expect(view).not.toContain(FRAGMENT);
  });

  it.each(['x', 'e', 'key', 'sk-local'])(
    'a placeholder key (%s) leaves the server’s words as they are',
    async (placeholder) => {
      const loopback = await serve((_request, response) =>
        sendJson(
          response,
          401,
          { error: { message: `error: invalid API key provided: ${placeholder} (the key must be a real one)` } },
          { 'x-request-id': 'req_error_key' },
        ),
      );
      const error = await completionFailure(transport(loopback.url, placeholder).postJson('/x', {}));
      expect(error).toMatchObject({
        requestId: 'req_error_key',
        providerError: { message: `error: invalid API key provided: ${placeholder} (the key must be a real one)` },
      });
      expect(error.message).toBe(
        `TestAI returned HTTP 401 Unauthorized for POST ${loopback.url}/x: error: invalid API key provided: ${placeholder} (the key must be a real one)`,
      );
      expect(loopback.requests[0]?.headers.authorization).toBe(`Bearer ${placeholder}`);
    },
  );
});
