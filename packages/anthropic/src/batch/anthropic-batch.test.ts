import { CompletionError, type CompletionRequest } from '@rig-ts/core';
import { readJsonFixture } from '@rig-ts/fixtures';
import { sendJson, startLoopbackServer } from '@rig-ts/fixtures/loopback';
import { collectBatchResults, completeAlone, useTestServer } from '@rig-ts/provider-tests';
import { describe, expect, it } from 'vitest';
import * as anthropic from '../index.js';
import { ANTHROPIC_BATCH_LIMITS, getBatch, submitBatch } from '../batch.js';
import { specSchemaErrors } from '../test-utils/anthropic-spec.js';
import {
  BATCH_ID,
  ended,
  startAnthropicBatchServer,
  type AnthropicBatchServer,
} from './test-utils/anthropic-batch-server.js';

const textMessage = readJsonFixture('anthropic/pydantic-ai/test_anthropic_cache_real_api.0.response.json');
const thinkingMessage = readJsonFixture('anthropic/pydantic-ai/test_anthropic_model_thinking_part.0.response.json');
const jsonToolMessage = readJsonFixture('anthropic/vercel-ai/anthropic-json-tool.1.json');
// A recorded error response: { type: 'error', error: { type, message }, request_id }, the shape an errored result wraps.
const errorResponse = readJsonFixture(
  'anthropic/pydantic-ai/test_anthropic_explicit_effort_xhigh_unsupported_model_errors.0.response.json',
);

const servers = useTestServer(startAnthropicBatchServer);

async function start() {
  const server = await servers.start();
  const client = new anthropic.Client({ apiKey: 'sk-ant-batch', baseURL: `${server.url}/v1` });
  return { server, client };
}

/** Starts the server and submits to claude-sonnet-4-5 one `hi` request under each of `ids`. */
async function submitHi(...ids: string[]) {
  const { server, client } = await start();
  const model = client.completionModel('claude-sonnet-4-5');
  const request = model.completionRequest('hi').build();
  const job = await submitBatch(
    model,
    ids.map((id) => ({ id, request })),
  );
  return { server, job };
}

/** What the same request sent alone gives (no request-id header: a batch result has none either), and the body sent. */
const nonBatch = (modelId: string, request: CompletionRequest, message: unknown) =>
  completeAlone(
    (url) => new anthropic.Client({ apiKey: 'sk-ant-batch', baseURL: `${url}/v1` }).completionModel(modelId),
    request,
    message,
  );

const line = (id: string, result: unknown) => JSON.stringify({ custom_id: id, result });

describe('submitBatch on Message Batches', () => {
  it("creates the batch with each request's exact body, polls it to its end, and streams results_url, each result equal to the non-batch response", async () => {
    const { server, client } = await start();
    const model = client.completionModel('claude-sonnet-4-5');
    const q1 = model.completionRequest('What is the capital of France?').preamble('Be brief').build();
    const q2 = model.completionRequest('Think about it').build();
    const q3 = model.completionRequest('Use xhigh effort').build();
    const job = await submitBatch(model, [
      { id: 'q1', request: q1 },
      { id: 'q_2-think', request: q2 },
      { id: 'Q3', request: q3 },
    ]);

    const create = server.requests[0]!;
    expect([
      create.method,
      create.url,
      create.headers['x-api-key'],
      create.headers['anthropic-version'],
      create.headers['content-type'],
    ]).toEqual(['POST', '/v1/messages/batches', 'sk-ant-batch', '2023-06-01', 'application/json']);
    const alone1 = await nonBatch('claude-sonnet-4-5', q1, textMessage);
    const alone2 = await nonBatch('claude-sonnet-4-5', q2, thinkingMessage);
    const alone3 = await nonBatch('claude-sonnet-4-5', q3, textMessage);
    const createBody = JSON.parse(create.body) as unknown;
    expect(createBody).toEqual({
      requests: [
        { custom_id: 'q1', params: alone1.sent },
        { custom_id: 'q_2-think', params: alone2.sent },
        { custom_id: 'Q3', params: alone3.sent },
      ],
    });
    expect(specSchemaErrors('BetaCreateMessageBatchParams', createBody)).toEqual([]);
    expect(job.toJSON()).toEqual({
      provider: 'Anthropic',
      id: BATCH_ID,
      status: 'in-progress',
      rawStatus: 'in_progress',
      counts: { total: 3, succeeded: 0, failed: 0 },
    });
    expect(job.warnings).toEqual([]);

    server.progress.push({}, ended(server.url, { processing: 0, succeeded: 2, errored: 1, canceled: 0, expired: 0 }));
    server.results = [
      line('Q3', { type: 'errored', error: errorResponse }),
      line('q1', { type: 'succeeded', message: textMessage }),
      line('q_2-think', { type: 'succeeded', message: thinkingMessage }),
    ].join('\n');
    const seen: string[] = [];
    await job.wait({
      pollIntervalMs: 100,
      onProgress: (current) =>
        void seen.push(
          `${current.status} ${current.counts.succeeded}+${current.counts.failed}/${current.counts.total}`,
        ),
    });
    expect(seen).toEqual(['in-progress 0+0/3', 'completed 2+1/3']);
    expect(specSchemaErrors('BetaMessageBatch', job.raw)).toEqual([]);
    // The thinking line is left out: thinking blocks are newer than the Nov 2024 spec.
    for (const text of server.results.split('\n').slice(0, 2))
      expect(specSchemaErrors('BetaMessageBatchIndividualResponse', JSON.parse(text))).toEqual([]);

    const { results, error } = await collectBatchResults(job.results());
    expect(error).toBeUndefined();
    expect(results.slice(1)).toEqual([
      { ok: true, id: 'q1', response: alone1.response },
      { ok: true, id: 'q_2-think', response: alone2.response },
    ]);
    const errored = results[0]!;
    if (errored.ok) throw new Error('expected an error');
    expect(CompletionError.isInstance(errored.error)).toBe(true);
    expect(errored).toMatchObject({
      id: 'Q3',
      error: {
        kind: 'provider',
        isRetryable: false,
        requestId: 'req_011Ca7jT9AHpgXgdv8igm4z9',
        providerError: {
          type: 'invalid_request_error',
          message: "This model does not support effort level 'xhigh'. Supported levels: high, low, max, medium.",
        },
        message:
          "Anthropic reported invalid_request_error: This model does not support effort level 'xhigh'. Supported levels: high, low, max, medium.",
      },
    });
    const download = server.requests.at(-1)!;
    expect([
      download.method,
      download.url,
      download.headers.accept,
      download.headers['x-api-key'],
      download.headers['anthropic-version'],
    ]).toEqual(['GET', `/v1/messages/batches/${BATCH_ID}/results`, 'application/binary', 'sk-ant-batch', '2023-06-01']);
  });

  it('reads structured output given through the json tool as text, on submit and on a resume that says so', async () => {
    const { server, client } = await start();
    const model = client.completionModel('claude-3-5-haiku-latest');
    const schema = {
      type: 'object',
      properties: { elements: { type: 'array', items: { type: 'object' } } },
      required: ['elements'],
    };
    const request = model.completionRequest('Weather in four cities').outputSchema(schema).temperature(0).build();
    const job = await submitBatch(model, [{ id: 'weather', request }]);
    server.progress.push(ended(server.url, { processing: 0, succeeded: 1, errored: 0, canceled: 0, expired: 0 }));
    server.results = `${line('weather', { type: 'succeeded', message: jsonToolMessage })}\n`;
    await job.wait({ pollIntervalMs: 100 });
    const alone = await nonBatch('claude-3-5-haiku-latest', request, jsonToolMessage);
    expect(alone.response.choice).toEqual([{ type: 'text', text: JSON.stringify(jsonToolMessage.content[0].input) }]);
    expect((await collectBatchResults(job.results())).results).toEqual([
      { ok: true, id: 'weather', response: alone.response },
    ]);

    const told = await getBatch(client, BATCH_ID, { structuredOutputTool: true });
    expect((await collectBatchResults(told.results())).results).toEqual([
      { ok: true, id: 'weather', response: alone.response },
    ]);
    const untold = await getBatch(client, BATCH_ID);
    const [result] = (await collectBatchResults(untold.results())).results;
    expect(result?.ok && result.response.choice[0]).toMatchObject({ type: 'tool-call', function: { name: 'json' } });
  });

  it('keeps the warnings of building a request, and says metadata was not sent', async () => {
    const { server, client } = await start();
    const model = client.completionModel('claude-sonnet-4-5', { thinking: { type: 'enabled', budgetTokens: 2000 } });
    const request = model.completionRequest('Think about it').temperature(0.5).build();
    const job = await submitBatch(model, [{ id: 'w', request }], { metadata: { run: 'eval-7' } });
    expect(job.warnings).toEqual([
      {
        type: 'unsupported',
        feature: 'metadata',
        details: 'Anthropic message batches take no metadata; it was not sent',
      },
    ]);
    expect(JSON.parse(server.requests[0]!.body)).not.toHaveProperty('metadata');
    server.progress.push(ended(server.url, { processing: 0, succeeded: 1, errored: 0, canceled: 0, expired: 0 }));
    server.results = line('w', { type: 'succeeded', message: thinkingMessage });
    await job.wait({ pollIntervalMs: 100 });
    const alone = await nonBatch('claude-sonnet-4-5', request, thinkingMessage);
    const { results } = await collectBatchResults(job.results());
    expect(results).toEqual([
      {
        ok: true,
        id: 'w',
        response: {
          ...alone.response,
          warnings: [
            {
              type: 'unsupported',
              feature: 'temperature',
              details: 'Anthropic does not take a temperature while thinking is enabled; it was not sent',
            },
          ],
        },
      },
    ]);
  });
});

describe('an expired batch, a cancel, a resume through getBatch', () => {
  it('is expired when every request expired, completed when some did; expired requests are retryable errors', async () => {
    const { server, job } = await submitHi('a', 'b');
    server.progress.push(
      ended(
        server.url,
        { processing: 0, succeeded: 0, errored: 0, canceled: 0, expired: 2 },
        { ended_at: '2024-09-25T18:37:24.100435Z' },
      ),
    );
    server.results = `${line('b', { type: 'expired' })}\n${line('a', { type: 'expired' })}\n`;
    expect((await job.wait({ pollIntervalMs: 100 })).toJSON()).toEqual({
      provider: 'Anthropic',
      id: BATCH_ID,
      status: 'expired',
      rawStatus: 'ended',
      counts: { total: 2, succeeded: 0, failed: 2 },
    });
    const { results } = await collectBatchResults(job.results());
    expect(results).toEqual([
      {
        ok: false,
        id: 'b',
        error: expect.objectContaining({
          kind: 'provider',
          isRetryable: true,
          providerError: { type: 'expired' },
          message: 'Anthropic did not run batch request "b" before the batch expired (24 hours)',
        }),
      },
      { ok: false, id: 'a', error: expect.objectContaining({ kind: 'provider', isRetryable: true }) },
    ]);

    server.progress.push({ request_counts: { processing: 0, succeeded: 1, errored: 0, canceled: 0, expired: 1 } });
    const resumed = await getBatch(
      new anthropic.Client({ apiKey: 'sk-ant-batch', baseURL: `${server.url}/v1` }),
      BATCH_ID,
    );
    expect(resumed.toJSON()).toEqual({
      provider: 'Anthropic',
      id: BATCH_ID,
      status: 'completed',
      rawStatus: 'ended',
      counts: { total: 2, succeeded: 1, failed: 1 },
    });
  });

  it('cancels: POST …/cancel with no body, canceling then cancelled, canceled requests as errors', async () => {
    const { server, client } = await start();
    const model = client.completionModel('claude-sonnet-4-5');
    const request = model.completionRequest('What is the capital of France?').preamble('Be brief').build();
    const job = await submitBatch(model, [
      { id: 'done', request },
      { id: 'dropped', request },
    ]);
    expect((await job.cancel()).toJSON()).toMatchObject({ status: 'cancelling', rawStatus: 'canceling' });
    const cancel = server.requests.at(-1)!;
    expect([cancel.method, cancel.url, cancel.body, cancel.headers['content-type']]).toEqual([
      'POST',
      `/v1/messages/batches/${BATCH_ID}/cancel`,
      '',
      undefined,
    ]);
    expect(specSchemaErrors('BetaMessageBatch', job.raw)).toEqual([]);
    server.progress.push({}, ended(server.url, { processing: 0, succeeded: 1, errored: 0, canceled: 1, expired: 0 }));
    server.results = `${line('dropped', { type: 'canceled' })}\n${line('done', { type: 'succeeded', message: textMessage })}\n`;
    const seen: string[] = [];
    expect(
      (await job.wait({ pollIntervalMs: 100, onProgress: (current) => void seen.push(current.status) })).status,
    ).toBe('cancelled');
    expect(seen).toEqual(['cancelling', 'cancelled']);
    const { results } = await collectBatchResults(job.results());
    expect(results[0]).toEqual({
      ok: false,
      id: 'dropped',
      error: expect.objectContaining({
        kind: 'provider',
        isRetryable: false,
        providerError: { type: 'canceled' },
        message: 'Anthropic did not run batch request "dropped": the batch was cancelled',
      }),
    });
    expect(results[1]).toEqual({
      ok: true,
      id: 'done',
      response: (await nonBatch('claude-sonnet-4-5', request, textMessage)).response,
    });
  });

  it('refuses an id that is not one without a request', async () => {
    const { server, client } = await start();
    await expect(getBatch(client, '../../v1/models')).rejects.toMatchObject({ kind: 'request', path: 'id' });
    expect(server.requests).toHaveLength(0);
  });

  it('never sends the key to a results_url on another origin', async () => {
    const { server, job } = await submitHi('a');
    const elsewhere = await startLoopbackServer((_request, response) => sendJson(response, 200, {}));
    try {
      server.progress.push({
        ...ended(server.url, { processing: 0, succeeded: 1, errored: 0, canceled: 0, expired: 0 }),
        results_url: `${elsewhere.url}/v1/messages/batches/${BATCH_ID}/results`,
      });
      await job.wait({ pollIntervalMs: 100 });
      const { error } = await collectBatchResults(job.results());
      expect(error).toMatchObject({
        kind: 'request',
        path: 'url',
        message: `Anthropic: GET ${elsewhere.url}/v1/messages/batches/${BATCH_ID}/results is not on the origin of the base URL, the only one the API key is sent to`,
      });
      expect(elsewhere.requests).toHaveLength(0);
    } finally {
      await elsewhere.close();
    }
  });
});

describe('what submitBatch refuses before sending anything', () => {
  const model = new anthropic.Client({ apiKey: 'sk', baseURL: 'http://127.0.0.1:9/v1' }).completionModel(
    'claude-sonnet-4-5',
  );
  const request = model.completionRequest('hi').build();

  it.each([
    [
      'an id with a space',
      [{ id: 'q 1', request }],
      'entries[0].id',
      'entries[0].id "q 1" is not a valid Anthropic batch id: 1 to 64 letters, digits, _ or -',
    ],
    [
      'an id with a dot',
      [{ id: 'q.1', request }],
      'entries[0].id',
      'entries[0].id "q.1" is not a valid Anthropic batch id: 1 to 64 letters, digits, _ or -',
    ],
    ['an id of 65 characters', [{ id: 'q'.repeat(65), request }], 'entries[0].id', undefined],
    ['an empty id', [{ id: '', request }], 'entries[0].id', 'entries[0].id must be a non-empty string'],
    [
      'duplicate ids',
      [
        { id: 'a', request },
        { id: 'a', request },
      ],
      'entries[1].id',
      'entries[1].id "a" repeats entries[0].id: ids must be unique in a batch',
    ],
    [
      'an invalid request',
      [{ id: 'a', request: { ...request, maxTokens: -1 } }],
      'entries[0].request.maxTokens',
      undefined,
    ],
  ])('%s', async (_name, entries, path, message) => {
    const error = await submitBatch(model, entries).catch((caught: unknown) => caught);
    expect(CompletionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'request', path, ...(message === undefined ? {} : { message }) });
  });

  it('more requests than a batch takes', async () => {
    const entries = Array.from({ length: ANTHROPIC_BATCH_LIMITS.maxRequests + 1 }, (_, index) => ({
      id: `q${index}`,
      request,
    }));
    await expect(submitBatch(model, entries)).rejects.toMatchObject({
      kind: 'request',
      message: 'Anthropic batch: 100001 requests, more than the 100000 one batch takes: split it',
    });
    expect(ANTHROPIC_BATCH_LIMITS.maxRequestBytes).toBe(268_435_456);
  });
});

describe('results that cannot be read', () => {
  it("a line without custom_id ends the results; an unknown result type and an unreadable message are that request's error", async () => {
    const { server, job } = await submitHi('a', 'b', 'c');
    server.progress.push(ended(server.url, { processing: 0, succeeded: 3, errored: 0, canceled: 0, expired: 0 }));
    server.results = [
      line('a', { type: 'paused' }),
      line('b', { type: 'succeeded', message: { type: 'message', content: 'not a list' } }),
      JSON.stringify({ result: { type: 'succeeded' } }),
    ].join('\n');
    await job.wait({ pollIntervalMs: 100 });
    const { results, error } = await collectBatchResults(job.results());
    expect(results.map((result) => [result.id, result.ok ? 'ok' : [result.error.kind, result.error.message]])).toEqual([
      ['a', ['response', 'Anthropic sent batch result "a" of an unknown type: "paused"']],
      ['b', ['response', 'Anthropic answered with a body that is not a message (no content array)']],
    ]);
    expect(error).toMatchObject({
      kind: 'response',
      reason: 'malformed',
      message: 'Anthropic sent a batch result line without a custom_id',
    });
  });

  it('a MessageBatch of the wrong shape is a response error', async () => {
    const { server, job } = await submitHi('a');
    server.progress.push({ processing_status: 7 as unknown as 'ended' });
    await expect(job.refresh()).rejects.toMatchObject({ kind: 'response', reason: 'malformed' });
  });
});
