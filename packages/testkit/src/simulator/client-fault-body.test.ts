import { CompletionError } from '@rig-ts/core';
import { HttpTransport } from '@rig-ts/http';
import { describe, expect, it } from 'vitest';
import { post } from './test-utils/read-wire.js';
import { useSimulator } from './test-utils/use-simulator.js';

// The client faults (bad request, bad key, unknown model) over HTTP, in each API's own envelope, asked through the
// x-sim-fault header or through the model id alike.

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
const simulator = useSimulator({ now: () => NOW });

type Envelope = 'openai' | 'anthropic' | 'gemini' | 'ollama';

interface ApiCase {
  api: 'openai-chat' | 'openai-responses' | 'anthropic' | 'gemini' | 'ollama';
  /** Whose error envelope the API answers in: both OpenAI APIs share one. */
  envelope: Envelope;
  model: string;
  /** The model id asking for `fault`. */
  faultModel: (fault: string) => string;
  send: (model: string, headers?: { [name: string]: string }) => Promise<Response>;
}

const messages = [{ role: 'user', content: 'hello' }];
const apis: ApiCase[] = [
  {
    api: 'openai-chat',
    envelope: 'openai',
    model: 'gpt-4o',
    faultModel: (fault) => `gpt-4o-fault-${fault}`,
    send: (model, headers) => post(`${simulator.baseURLs.openai}/chat/completions`, { model, messages }, headers),
  },
  {
    api: 'openai-responses',
    envelope: 'openai',
    model: 'gpt-4o',
    faultModel: (fault) => `gpt-4o-fault-${fault}`,
    send: (model, headers) =>
      post(`${simulator.baseURLs.openai}/responses`, { model, input: 'hello', stream: true }, headers),
  },
  {
    api: 'anthropic',
    envelope: 'anthropic',
    model: 'claude-sonnet-4-5',
    faultModel: (fault) => `claude-sonnet-4-5-fault-${fault}`,
    send: (model, headers) =>
      post(
        `${simulator.baseURLs.anthropic}/messages`,
        { model, max_tokens: 100, messages },
        { 'anthropic-version': '2023-06-01', ...headers },
      ),
  },
  {
    api: 'gemini',
    envelope: 'gemini',
    model: 'gemini-2.5-flash',
    faultModel: (fault) => `gemini-2.5-flash-fault-${fault}`,
    send: (model, headers) =>
      post(
        `${simulator.baseURLs.gemini}/models/${model}:streamGenerateContent?alt=sse`,
        { contents: [{ role: 'user', parts: [{ text: 'hello' }] }] },
        headers,
      ),
  },
  {
    api: 'ollama',
    envelope: 'ollama',
    model: 'llama3.2:latest',
    faultModel: (fault) => `llama3.2-fault-${fault}:latest`,
    send: (model, headers) => post(`${simulator.baseURLs.ollama}/api/chat`, { model, messages }, headers),
  },
];

const CONTENT_TYPES: { [envelope in Envelope]: string } = {
  openai: 'application/json',
  anthropic: 'application/json',
  gemini: 'application/json; charset=UTF-8',
  ollama: 'application/json; charset=utf-8',
};
const ANTHROPIC_REQUEST_ID = expect.stringMatching(/^req_011C[0-9A-Za-z]{20}$/);
const OPENAI_KEY_MESSAGE =
  'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys. (simulated fault 401)';
const GEMINI_KEY_MESSAGE = 'API key not valid. Please pass a valid API key. (simulated fault 401)';

/** The status and body each API answers, per fault. */
const expected: { [fault: string]: { [envelope in Envelope]: [number, unknown] } } = {
  '400': {
    openai: [
      400,
      {
        error: {
          message: 'Invalid request. (simulated fault 400)',
          type: 'invalid_request_error',
          param: null,
          code: null,
        },
      },
    ],
    anthropic: [
      400,
      {
        type: 'error',
        error: { type: 'invalid_request_error', message: 'Invalid request. (simulated fault 400)' },
        request_id: ANTHROPIC_REQUEST_ID,
      },
    ],
    gemini: [
      400,
      {
        error: {
          code: 400,
          message: 'Request contains an invalid argument. (simulated fault 400)',
          status: 'INVALID_ARGUMENT',
        },
      },
    ],
    ollama: [400, { error: 'invalid request (simulated fault 400)' }],
  },
  '401': {
    openai: [
      401,
      { error: { message: OPENAI_KEY_MESSAGE, type: 'invalid_request_error', param: null, code: 'invalid_api_key' } },
    ],
    anthropic: [
      401,
      {
        type: 'error',
        error: { type: 'authentication_error', message: 'invalid x-api-key (simulated fault 401)' },
        request_id: ANTHROPIC_REQUEST_ID,
      },
    ],
    // Gemini answers a bad key with 400 INVALID_ARGUMENT, reason API_KEY_INVALID.
    gemini: [
      400,
      {
        error: {
          code: 400,
          message: GEMINI_KEY_MESSAGE,
          status: 'INVALID_ARGUMENT',
          details: [
            {
              '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
              reason: 'API_KEY_INVALID',
              domain: 'googleapis.com',
              metadata: { service: 'generativelanguage.googleapis.com' },
            },
            {
              '@type': 'type.googleapis.com/google.rpc.LocalizedMessage',
              locale: 'en-US',
              message: GEMINI_KEY_MESSAGE,
            },
          ],
        },
      },
    ],
    ollama: [401, { error: 'unauthorized (simulated fault 401)' }],
  },
  '404': {
    openai: [
      404,
      {
        error: {
          message: 'The model `gpt-4o` does not exist or you do not have access to it. (simulated fault 404)',
          type: 'invalid_request_error',
          param: null,
          code: 'model_not_found',
        },
      },
    ],
    anthropic: [
      404,
      {
        type: 'error',
        error: { type: 'not_found_error', message: 'model: claude-sonnet-4-5 (simulated fault 404)' },
        request_id: ANTHROPIC_REQUEST_ID,
      },
    ],
    gemini: [
      404,
      {
        error: {
          code: 404,
          message:
            'models/gemini-2.5-flash is not found for API version v1beta, or is not supported for streamGenerateContent. Call ListModels to see the list of available models and their supported methods. (simulated fault 404)',
          status: 'NOT_FOUND',
        },
      },
    ],
    ollama: [404, { error: 'model "llama3.2:latest" not found, try pulling it first (simulated fault 404)' }],
  },
};

/** Everything a client sees of an answer. */
async function seen(
  response: Response,
): Promise<{ status: number; headers: { [name: string]: string }; body: string }> {
  return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
}

describe('client faults: 400, 401 (bad key), 404 (unknown model)', () => {
  for (const fault of ['400', '401', '404']) {
    for (const apiCase of apis) {
      it(`${fault} on ${apiCase.api}: the API's own status and body, the same through the header and the model id`, async () => {
        const byHeader = await seen(await apiCase.send(apiCase.model, { 'x-sim-fault': fault }));
        const [status, body] = expected[fault]![apiCase.envelope];
        expect(byHeader.status).toBe(status);
        expect(byHeader.headers['content-type']).toBe(CONTENT_TYPES[apiCase.envelope]);
        expect(byHeader.headers['x-sim-fault']).toBe(fault);
        expect(JSON.parse(byHeader.body)).toEqual(body);
        expect(byHeader.body).not.toContain('sim-key');
        simulator.reset();
        const byModel = await seen(await apiCase.send(apiCase.faultModel(fault)));
        // Byte for byte, headers included (the request ids restart with reset()).
        expect(byModel).toEqual({ ...byHeader, headers: { ...byHeader.headers, date: byModel.headers.date! } });
        expect(simulator.requests.map((record) => record.fault)).toEqual([fault]);
      });
    }
  }

  it('a count in the model id fails only the first requests, as x-sim-fault-count does', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 3; index++) statuses.push((await apis[0]!.send('gpt-4o-fault-401-2x')).status);
    expect(statuses).toEqual([401, 401, 200]);
  });

  it('an unknown fault is a 400 in the API envelope, in the model id as in the header, never ignored', async () => {
    const known =
      'use one of 400, 401, 404, 429, 500, 502, 503, 529, reset, cut, malformed, no-end, slow-first-byte, html, stall';
    const byModel = await apis[0]!.send('gpt-4o-fault-418');
    expect(byModel.status).toBe(400);
    expect(await byModel.json()).toEqual({
      error: {
        message: `unknown simulator fault "418" in the model id "gpt-4o-fault-418": ${known}`,
        type: 'invalid_request_error',
        param: 'model',
        code: null,
      },
    });
    const byHeader = await apis[2]!.send('claude-sonnet-4-5', { 'x-sim-fault': '418' });
    expect(byHeader.status).toBe(400);
    expect(await byHeader.json()).toEqual({
      type: 'error',
      error: { type: 'invalid_request_error', message: `unknown simulator fault "418" (x-sim-fault): ${known}` },
      request_id: ANTHROPIC_REQUEST_ID,
    });
    const gemini = await apis[3]!.send('gemini-2.5-flash-fault-teapot');
    expect(gemini.status).toBe(400);
    expect((await gemini.json()).error).toMatchObject({
      code: 400,
      status: 'INVALID_ARGUMENT',
      message: expect.stringContaining('unknown simulator fault "teapot"'),
    });
  });

  it('a bad key as rig-ts’s transport sees it: an http error with the provider message, not retried, no key in it', async () => {
    const transport = new HttpTransport({
      provider: 'Simulated OpenAI',
      baseURL: simulator.baseURLs.openai,
      apiKey: 'sk-sim-secret-0123456789',
      maxRetries: 2,
    });
    const error = await transport
      .postJson('/chat/completions', { model: 'gpt-4o-fault-401', messages })
      .catch((caught: unknown) => caught);
    expect(CompletionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      kind: 'http',
      status: 401,
      isRetryable: false,
      providerError: { message: OPENAI_KEY_MESSAGE, type: 'invalid_request_error', code: 'invalid_api_key' },
    });
    expect(simulator.requests).toHaveLength(1);
    expect(JSON.stringify(error) + String(error)).not.toContain('sk-sim-secret');
  });
});
