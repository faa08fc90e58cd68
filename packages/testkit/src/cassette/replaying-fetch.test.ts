import { RigError } from '@rig-ts/core';
import { describe, expect, it } from 'vitest';
import type { Cassette } from './cassette.js';
import { replayingFetch } from './replaying-fetch.js';

const URL_CHAT = 'https://api.example.test/v1/chat/completions';

function cassette(): Cassette {
  const interaction = (content: string, answer: string) => ({
    request: {
      method: 'POST',
      url: URL_CHAT,
      headers: { authorization: '[REDACTED]' },
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content }] }),
    },
    response: {
      status: 200,
      statusText: 'OK',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answer }),
    },
  });
  return {
    version: 1,
    interactions: [interaction('one', 'first'), interaction('one', 'second'), interaction('two', 'third')],
  };
}

const post = (content: string, extra: object = {}) => ({
  method: 'POST',
  body: JSON.stringify({ messages: [{ role: 'user', content }], model: 'gpt-4o', ...extra }),
});

describe('replayingFetch', () => {
  it('matches method, URL and JSON body regardless of key order, in recorded order', async () => {
    const replay = replayingFetch(cassette());
    expect(await (await replay(URL_CHAT, post('two'))).json()).toEqual({ answer: 'third' });
    expect(await (await replay(URL_CHAT, post('one'))).json()).toEqual({ answer: 'first' });
    expect(replay.unused.map((interaction) => interaction.response!.body)).toEqual(['{"answer":"second"}']);
    expect(() => replay.assertAllUsed()).toThrow(
      `replayingFetch: 1 recorded interaction(s) were never requested: POST ${URL_CHAT}`,
    );
    expect(await (await replay(URL_CHAT, post('one'))).json()).toEqual({ answer: 'second' });
    replay.assertAllUsed();
  });

  it('fails loudly on an unmatched request, naming method, URL and body', async () => {
    const replay = replayingFetch(cassette());
    const error = await replay(URL_CHAT, post('three')).catch((caught: unknown) => caught);
    expect(RigError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(
      `replayingFetch: no recorded interaction matches POST ${URL_CHAT} (body {"messages":[{"role":"user","content":"three"}],"model":"gpt-4o"}). The cassette has 3 interaction(s), 3 unused: POST ${URL_CHAT}, POST ${URL_CHAT}, POST ${URL_CHAT}.`,
    );
    const get = await replay('https://api.example.test/v1/models').catch((caught: unknown) => caught);
    expect((get as Error).message).toBe(
      `replayingFetch: no recorded interaction matches GET https://api.example.test/v1/models (no body). The cassette has 3 interaction(s), 3 unused: POST ${URL_CHAT}, POST ${URL_CHAT}, POST ${URL_CHAT}.`,
    );
    const long = await replay(URL_CHAT, post('x'.repeat(300))).catch((caught: unknown) => caught);
    expect((long as Error).message).toContain(`(body {"messages":[{"role":"user","content":"${'x'.repeat(161)}…).`);
  });

  it('a request replayed more often than recorded fails, unless repeats are allowed', async () => {
    const replay = replayingFetch(cassette());
    await replay(URL_CHAT, post('two'));
    const error = await replay(URL_CHAT, post('two')).catch((caught: unknown) => caught);
    expect((error as Error).message).toBe(
      `replayingFetch: no recorded interaction matches POST ${URL_CHAT} (body {"messages":[{"role":"user","content":"two"}],"model":"gpt-4o"}). It matches 1 interaction(s) already replayed (pass allowRepeats to reuse them). The cassette has 3 interaction(s), 2 unused: POST ${URL_CHAT}, POST ${URL_CHAT}.`,
    );
    const repeating = replayingFetch(cassette(), { allowRepeats: true });
    for (const expected of ['first', 'second', 'second'])
      expect(await (await repeating(URL_CHAT, post('one'))).json()).toEqual({ answer: expected });
  });

  it('redacts the live request as the recording was, so real keys still match', async () => {
    const recorded: Cassette = {
      version: 1,
      interactions: [
        {
          request: {
            method: 'POST',
            url: 'https://gemini.example.test/v1beta/models/m:generateContent?key=[REDACTED]',
            headers: {},
            body: '{"note":"key [REDACTED]"}',
          },
          response: { status: 200, statusText: 'OK', headers: {}, body: 'ok' },
        },
      ],
    };
    const replay = replayingFetch(recorded, { secrets: ['s3cret'] });
    const response = await replay('https://gemini.example.test/v1beta/models/m:generateContent?key=s3cret', {
      method: 'POST',
      body: '{"note":"key s3cret"}',
    });
    expect(await response.text()).toBe('ok');
  });

  it('splits NDJSON by line, and an abort errors the body with the reason', async () => {
    const recorded: Cassette = {
      version: 1,
      interactions: [
        {
          request: { method: 'POST', url: 'http://ollama.invalid/api/chat', headers: {}, body: '{}' },
          response: {
            status: 200,
            statusText: 'OK',
            headers: { 'content-type': 'application/x-ndjson' },
            body: '{"a":1}\n{"b":2}\n',
          },
        },
      ],
    };
    const controller = new AbortController();
    const response = await replayingFetch(recorded)('http://ollama.invalid/api/chat', {
      method: 'POST',
      body: '{}',
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('{"a":1}\n');
    const reason = new Error('stop');
    controller.abort(reason);
    await expect(reader.read()).rejects.toBe(reason);
  });

  it('replays empty bodies as null bodies', async () => {
    const recorded: Cassette = {
      version: 1,
      interactions: [
        {
          request: { method: 'OPTIONS', url: 'http://x.invalid/', headers: {}, body: null },
          response: { status: 204, statusText: 'No Content', headers: {}, body: '' },
        },
      ],
    };
    const response = await replayingFetch(recorded)('http://x.invalid/', { method: 'OPTIONS' });
    expect(response.status).toBe(204);
    expect(response.body).toBe(null);
  });
});
