// An API key never reaches a span, an event or a metric, even through a failing call whose error would carry it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  BaseCompletionModel,
  type CompletionModel,
  type CompletionResponse,
  type StreamingCompletionResponse,
} from '@rig-ts/core';
import * as openai from '@rig-ts/openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OtelHarness } from './test-utils/otel-harness.js';
import { traced } from './traced-model.js';

// Shaped like no known key format, so only rig-ts's own redaction can keep it out (not the credential patterns).
const CANARY = 'canary-7f3c9e21-QmVhY29u-key';
let server: Server;
let baseURL: string;
let harness: OtelHarness;

beforeAll(async () => {
  // A provider that quotes the key it was sent, in its error body, its headers and a second echo of the URL.
  server = createServer((request, response) => {
    const key = (request.headers.authorization ?? '').replace(/^Bearer /, '');
    response.writeHead(401, {
      'content-type': 'application/json',
      'x-request-id': `req_${key}`,
      'www-authenticate': `Bearer realm="${key}"`,
    });
    response.end(
      JSON.stringify({
        error: {
          message: `Incorrect API key provided: ${key}. You can find your API key at https://platform.openai.com/account/api-keys.`,
          type: 'invalid_request_error',
          code: 'invalid_api_key',
        },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  harness = new OtelHarness();
});

async function everythingRecorded(): Promise<string> {
  const spans = harness.spans().map((span) => ({
    name: span.name,
    attributes: span.attributes,
    status: span.status,
    events: span.events,
    links: span.links,
  }));
  return JSON.stringify({ spans, metrics: await harness.histograms() });
}

describe('the API key', () => {
  it('is in no span, event or metric after a 401 whose body, headers and request id quote it (prompt and stream, content captured)', async () => {
    const client = new openai.Client({ apiKey: CANARY, baseURL, maxRetries: 0 });
    for (const api of ['responses', 'chat'] as const) {
      const inner: CompletionModel =
        api === 'chat' ? openai.chatCompletionsModel(client, 'gpt-4o') : client.completionModel('gpt-4o');
      const model = traced(inner, {
        tracerProvider: harness.tracerProvider,
        meterProvider: harness.meterProvider,
        serverURL: baseURL,
        captureContent: true,
      });
      const failed = await model.prompt('hello').catch((caught: unknown) => caught);
      expect(String((failed as Error).message)).toContain('Incorrect API key provided');
      await expect(model.streamPrompt('hello')).rejects.toMatchObject({ kind: 'http', status: 401 });
    }
    const spans = harness.spans();
    expect(spans).toHaveLength(4);
    for (const span of spans) {
      expect(span.attributes['error.type']).toBe('401');
      expect(span.status.message).toContain('Incorrect API key provided');
    }
    const recorded = await everythingRecorded();
    expect(recorded).toContain('Incorrect API key provided');
    expect(recorded).not.toContain(CANARY);
    expect(recorded).not.toContain('QmVhY29u');
  });

  it('shaped like a known key format is removed from the message of an error raised outside rig-ts’s transport', async () => {
    class LeakyModel extends BaseCompletionModel {
      readonly provider = 'custom';
      completion(): Promise<CompletionResponse> {
        return Promise.reject(
          new Error(
            'upstream said: Authorization: Bearer sk-proj-Zx81LeakedKey0000 is invalid (see https://gw.example/v1?key=AIzaSyLeakedGoogleKey1234567890)',
          ),
        );
      }
      stream(): Promise<StreamingCompletionResponse> {
        return Promise.reject(new Error('not streamed'));
      }
    }
    const model = traced(new LeakyModel('custom-model'), {
      tracerProvider: harness.tracerProvider,
      meterProvider: harness.meterProvider,
    });
    await expect(model.prompt('x')).rejects.toThrow('sk-proj-Zx81LeakedKey0000');
    const [span] = harness.spans();
    const message =
      'upstream said: Authorization: Bearer [REDACTED] is invalid (see https://gw.example/v1?key=[REDACTED])';
    expect(span!.status).toEqual({ code: 2, message });
    expect(span!.events.map((event) => event.attributes)).toEqual([
      { 'exception.type': 'Error', 'exception.message': message },
    ]);
    const recorded = await everythingRecorded();
    expect(recorded).not.toContain('LeakedKey');
    expect(recorded).not.toContain('LeakedGoogleKey');
  });

  it('is never taken from serverURL: user, password, path and query stay out', async () => {
    const client = new openai.Client({ apiKey: CANARY, baseURL, maxRetries: 0 });
    const model = traced(client.completionModel('gpt-4o'), {
      tracerProvider: harness.tracerProvider,
      serverURL: `http://user:${CANARY}@127.0.0.1:1/v1?key=${CANARY}`,
    });
    await model.prompt('hello').catch(() => undefined);
    expect(harness.spans()[0]!.attributes).toMatchObject({ 'server.address': '127.0.0.1', 'server.port': 1 });
    expect(await everythingRecorded()).not.toContain(CANARY);
  });
});
