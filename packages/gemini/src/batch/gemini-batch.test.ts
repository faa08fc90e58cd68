import { CompletionError, type CompletionRequest } from '@rig-ts/core';
import { readJsonFixture } from '@rig-ts/fixtures';
import { sendJson, startLoopbackServer } from '@rig-ts/fixtures/loopback';
import { collectBatchResults, completeAlone, useTestServer } from '@rig-ts/provider-tests';
import { describe, expect, it } from 'vitest';
import * as gemini from '../index.js';
import { GEMINI_BATCH_LIMITS, getBatch, submitBatch } from '../batch.js';
import type { GeminiInlinedResponse } from './gemini-batch-api-types.js';
import {
  BATCH_NAME,
  endedAs,
  startGeminiBatchServer,
  type GeminiBatchServer,
} from './test-utils/gemini-batch-server.js';

const textResponse = readJsonFixture('google/vercel-ai/google-text.json');
const jsonResponse = readJsonFixture('google/pydantic-ai/test_google_native_output.0.response.json');
const invalidArgument = { code: 3, message: 'Request contains an invalid argument.', status: 'INVALID_ARGUMENT' };

const servers = useTestServer(startGeminiBatchServer);

async function start() {
  const server = await servers.start();
  const client = new gemini.Client({ apiKey: 'gm-batch-key', baseURL: `${server.url}/v1beta` });
  return { server, client };
}

const nonBatch = (request: CompletionRequest, body: unknown, modelId = 'gemini-2.5-flash') =>
  completeAlone(
    (url) => new gemini.Client({ apiKey: 'gm-batch-key', baseURL: `${url}/v1beta` }).completionModel(modelId),
    request,
    body,
  );

const inline = (responses: GeminiInlinedResponse[]) => ({
  response: {
    '@type': 'type.googleapis.com/google.ai.generativelanguage.v1beta.GenerateContentBatchOutput',
    inlinedResponses: { inlinedResponses: responses },
  },
});

describe('submitBatch with inline requests', () => {
  it("creates the batch with each request's exact body and its key, polls it to its end, and ties inline results by key or position", async () => {
    const { server, client } = await start();
    const model = client.completionModel('gemini-2.5-flash');
    const q1 = model.completionRequest('How many r in strawberry?').preamble('Count carefully').build();
    const q2 = model.completionRequest('Where is Mexico City?').build();
    const q3 = model.completionRequest('An invalid one').build();
    const job = await submitBatch(
      model,
      [
        { id: 'q1', request: q1 },
        { id: 'q2', request: q2 },
        { id: 'q3', request: q3 },
      ],
      { displayName: 'eval-7' },
    );

    const alone1 = await nonBatch(q1, textResponse);
    const alone2 = await nonBatch(q2, jsonResponse);
    const alone3 = await nonBatch(q3, textResponse);
    const create = server.requests[0]!;
    expect([
      create.method,
      create.url,
      create.headers['x-goog-api-key'],
      create.headers['content-type'],
      create.headers.authorization,
    ]).toEqual([
      'POST',
      '/v1beta/models/gemini-2.5-flash:batchGenerateContent',
      'gm-batch-key',
      'application/json',
      undefined,
    ]);
    expect(JSON.parse(create.body)).toEqual({
      batch: {
        displayName: 'eval-7',
        inputConfig: {
          requests: {
            requests: [
              { request: alone1.sent, metadata: { key: 'q1' } },
              { request: alone2.sent, metadata: { key: 'q2' } },
              { request: alone3.sent, metadata: { key: 'q3' } },
            ],
          },
        },
      },
    });
    expect(job.toJSON()).toEqual({
      provider: 'Gemini',
      id: BATCH_NAME,
      status: 'validating',
      rawStatus: 'BATCH_STATE_PENDING',
      counts: { total: 3, succeeded: 0, failed: 0 },
    });

    server.progress.push(
      (operation) => ({
        ...operation,
        metadata: {
          ...operation.metadata,
          state: 'BATCH_STATE_RUNNING',
          batchStats: { requestCount: '3', pendingRequestCount: '3' },
        },
      }),
      endedAs('BATCH_STATE_SUCCEEDED', {
        batchStats: { requestCount: '3', successfulRequestCount: '2', failedRequestCount: '1' },
        // The first response echoes its metadata, the others do not: those are tied by position.
        ...inline([
          { response: textResponse, metadata: { key: 'q1' } },
          { response: jsonResponse },
          { error: invalidArgument },
        ] as GeminiInlinedResponse[]),
      }),
    );
    const seen: string[] = [];
    await job.wait({
      pollIntervalMs: 100,
      onProgress: (current) => void seen.push(`${current.rawStatus} → ${current.status}`),
    });
    expect(seen).toEqual(['BATCH_STATE_RUNNING → in-progress', 'BATCH_STATE_SUCCEEDED → completed']);
    expect(job.counts).toEqual({ total: 3, succeeded: 2, failed: 1 });

    const before = server.requests.length;
    const { results, error } = await collectBatchResults(job.results());
    expect(server.requests).toHaveLength(before);
    expect(error).toBeUndefined();
    expect(results.slice(0, 2)).toEqual([
      { ok: true, id: 'q1', response: alone1.response },
      { ok: true, id: 'q2', response: alone2.response },
    ]);
    expect(results[2]).toMatchObject({
      ok: false,
      id: 'q3',
      error: {
        kind: 'provider',
        isRetryable: false,
        providerError: { code: 3, type: 'INVALID_ARGUMENT', message: 'Request contains an invalid argument.' },
        message: 'Gemini could not run batch request "q3" (INVALID_ARGUMENT): Request contains an invalid argument.',
      },
    });
    expect(CompletionError.isInstance((results[2] as { error: unknown }).error)).toBe(true);
    expect(
      server.requests
        .filter((request) => request.url === `/v1beta/${BATCH_NAME}`)
        .map((request) => [request.method, request.body]),
    ).toEqual([
      ['GET', ''],
      ['GET', ''],
    ]);
  });

  it('refuses requests for two models, an unknown input, and inline requests over 20 MB before sending anything', async () => {
    const { server, client } = await start();
    const model = client.completionModel('gemini-2.5-flash');
    const request = model.completionRequest('hi').build();
    await expect(
      submitBatch(model, [
        { id: 'a', request },
        { id: 'b', request: model.completionRequest('hi').model('gemini-2.5-pro').build() },
      ]),
    ).rejects.toMatchObject({
      kind: 'request',
      path: 'entries[1].request.model',
      message: 'entries[1] asks for models/gemini-2.5-pro after models/gemini-2.5-flash: a Gemini batch runs one model',
    });
    await expect(submitBatch(model, [{ id: 'a', request }], { input: 'stream' as 'file' })).rejects.toMatchObject({
      kind: 'request',
      path: 'input',
    });
    const big = model.completionRequest('hi').preamble('x'.repeat(GEMINI_BATCH_LIMITS.maxInlineBytes)).build();
    await expect(submitBatch(model, [{ id: 'a', request: big }], { input: 'inline' })).rejects.toMatchObject({
      kind: 'request',
      path: 'input',
    });
    await expect(submitBatch(model, [{ id: '', request }])).rejects.toMatchObject({
      kind: 'request',
      path: 'entries[0].id',
    });
    expect(server.requests).toHaveLength(0);
  });

  it('says metadata was not sent', async () => {
    const { client } = await start();
    const model = client.completionModel('gemini-2.5-flash');
    const job = await submitBatch(model, [{ id: 'a', request: model.completionRequest('hi').build() }], {
      metadata: { run: 'x' },
    });
    expect(job.warnings).toEqual([
      {
        type: 'unsupported',
        feature: 'metadata',
        details: 'Gemini batches take no metadata (only a displayName); it was not sent',
      },
    ]);
  });
});

describe('submitBatch with an input file', () => {
  it('uploads the JSONL through the resumable Files API, creates the batch on the file, and streams the results file by key', async () => {
    const { server, client } = await start();
    const model = client.completionModel('gemini-2.5-flash');
    const q1 = model.completionRequest('How many r in strawberry?').build();
    const q2 = model.completionRequest('Where is Mexico City?').temperature(0.2).build();
    const job = await submitBatch(
      model,
      [
        { id: 'request-1', request: q1 },
        { id: 'request-2', request: q2 },
      ],
      { input: 'file', displayName: 'file-job' },
    );

    const alone1 = await nonBatch(q1, textResponse);
    const alone2 = await nonBatch(q2, jsonResponse);
    const jsonl = `${JSON.stringify({ key: 'request-1', request: alone1.sent })}\n${JSON.stringify({ key: 'request-2', request: alone2.sent })}\n`;
    const [begin, finalize, create] = server.requests;
    expect([begin?.method, begin?.url, begin?.body]).toEqual([
      'POST',
      '/upload/v1beta/files',
      JSON.stringify({ file: { displayName: 'file-job' } }),
    ]);
    expect(begin?.headers).toMatchObject({
      'x-goog-api-key': 'gm-batch-key',
      'x-goog-upload-protocol': 'resumable',
      'x-goog-upload-command': 'start',
      'x-goog-upload-header-content-length': String(Buffer.byteLength(jsonl)),
      'x-goog-upload-header-content-type': 'application/jsonl',
      'content-type': 'application/json',
    });
    expect([finalize?.method, finalize?.url, finalize?.body]).toEqual([
      'POST',
      '/upload/v1beta/files?upload_id=ABg5-UxJ&upload_protocol=resumable',
      jsonl,
    ]);
    expect(finalize?.headers).toMatchObject({
      'x-goog-api-key': 'gm-batch-key',
      'x-goog-upload-command': 'upload, finalize',
      'x-goog-upload-offset': '0',
      'content-type': 'application/jsonl',
    });
    expect([create?.url, JSON.parse(create!.body)]).toEqual([
      '/v1beta/models/gemini-2.5-flash:batchGenerateContent',
      { batch: { displayName: 'file-job', inputConfig: { fileName: 'files/abc123xyz' } } },
    ]);

    server.files.set(
      'files/results-1',
      `${JSON.stringify({ key: 'request-2', response: jsonResponse })}\n${JSON.stringify({ key: 'request-1', error: { code: 13, message: 'Internal error encountered.', status: 'INTERNAL' } })}\n`,
    );
    server.progress.push(
      endedAs('BATCH_STATE_SUCCEEDED', {
        batchStats: { requestCount: '2', successfulRequestCount: '1', failedRequestCount: '1' },
        response: { responsesFile: 'files/results-1' },
      }),
    );
    await job.wait({ pollIntervalMs: 100 });
    const { results, error } = await collectBatchResults(job.results());
    expect(error).toBeUndefined();
    expect(results[0]).toEqual({ ok: true, id: 'request-2', response: { ...alone2.response } });
    expect(results[1]).toMatchObject({
      ok: false,
      id: 'request-1',
      error: { kind: 'provider', isRetryable: true, providerError: { code: 13, type: 'INTERNAL' } },
    });
    expect(server.requests.at(-1)).toMatchObject({
      method: 'GET',
      url: '/download/v1beta/files/results-1:download?alt=media',
      headers: { 'x-goog-api-key': 'gm-batch-key' },
    });
  });

  it('goes through a file on its own when inline requests would pass 20 MB', async () => {
    const { server, client } = await start();
    const model = client.completionModel('gemini-2.5-flash');
    const big = model
      .completionRequest('hi')
      .preamble('x'.repeat(GEMINI_BATCH_LIMITS.maxInlineBytes / 2))
      .build();
    await submitBatch(model, [
      { id: 'a', request: big },
      { id: 'b', request: big },
    ]);
    expect(server.requests.map((request) => request.url)).toEqual([
      '/upload/v1beta/files',
      '/upload/v1beta/files?upload_id=ABg5-UxJ&upload_protocol=resumable',
      '/v1beta/models/gemini-2.5-flash:batchGenerateContent',
    ]);
    expect(GEMINI_BATCH_LIMITS).toEqual({ maxInlineBytes: 20_000_000, maxFileBytes: 2_147_483_648 });
  });

  it('never sends the key to an upload URL on another origin', async () => {
    const { server, client } = await start();
    const elsewhere = await startLoopbackServer((_request, response) => sendJson(response, 200, {}));
    try {
      server.uploadURL = `${elsewhere.url}/upload/v1beta/files?upload_id=stolen`;
      const model = client.completionModel('gemini-2.5-flash');
      await expect(
        submitBatch(model, [{ id: 'a', request: model.completionRequest('hi').build() }], { input: 'file' }),
      ).rejects.toMatchObject({ kind: 'request', path: 'url' });
      expect(elsewhere.requests).toHaveLength(0);
    } finally {
      await elsewhere.close();
    }
  });
});

describe('an expired batch, a cancel, a failed batch, a resume through getBatch', () => {
  it('resolves wait() on an expired batch, which keeps no results', async () => {
    const { server, client } = await start();
    const model = client.completionModel('gemini-2.5-flash');
    const job = await submitBatch(model, [{ id: 'a', request: model.completionRequest('hi').build() }]);
    server.progress.push(endedAs('BATCH_STATE_EXPIRED'));
    expect((await job.wait({ pollIntervalMs: 100 })).toJSON()).toEqual({
      provider: 'Gemini',
      id: BATCH_NAME,
      status: 'expired',
      rawStatus: 'BATCH_STATE_EXPIRED',
      counts: { total: 1, succeeded: 0, failed: 0 },
    });
    expect(await collectBatchResults(job.results())).toEqual({ results: [], error: undefined });
  });

  it('cancels: POST batches/{id}:cancel with no body, then reads the batch; CANCELLED ends it', async () => {
    const { server, client } = await start();
    const model = client.completionModel('gemini-2.5-flash');
    const job = await submitBatch(model, [{ id: 'a', request: model.completionRequest('hi').build() }]);
    server.progress.push(
      (operation) => ({ ...operation, metadata: { ...operation.metadata, state: 'BATCH_STATE_RUNNING' } }),
      endedAs('BATCH_STATE_CANCELLED', { error: { code: 1, message: 'Operation cancelled.' } }),
    );
    expect((await job.cancel()).status).toBe('in-progress');
    const [cancel, read] = server.requests.slice(-2);
    expect([
      cancel?.method,
      cancel?.url,
      cancel?.body,
      cancel?.headers['content-type'],
      read?.method,
      read?.url,
    ]).toEqual(['POST', `/v1beta/${BATCH_NAME}:cancel`, '', undefined, 'GET', `/v1beta/${BATCH_NAME}`]);
    expect((await job.wait({ pollIntervalMs: 100 })).status).toBe('cancelled');
  });

  it('reports a failed batch', async () => {
    const { server, client } = await start();
    const model = client.completionModel('gemini-2.5-flash');
    const job = await submitBatch(model, [{ id: 'a', request: model.completionRequest('hi').build() }]);
    server.progress.push(
      endedAs('BATCH_STATE_FAILED', { error: { code: 3, message: 'The input file is not valid JSONL.' } }),
    );
    await job.wait({ pollIntervalMs: 100 });
    expect(job.error).toMatchObject({
      kind: 'provider',
      message: `Gemini batch ${BATCH_NAME} failed: The input file is not valid JSONL.`,
      providerError: { code: 3, message: 'The input file is not valid JSONL.' },
    });
    expect((await collectBatchResults(job.results())).error).toBe(job.error);
  });

  it("resumes by name or bare id; inline results without echoed keys take the batch input's keys, else their position", async () => {
    const { server, client } = await start();
    const model = client.completionModel('gemini-2.5-flash');
    const request = model.completionRequest('How many r in strawberry?').build();
    const job = await submitBatch(model, [
      { id: 'first', request },
      { id: 'second', request },
    ]);
    server.progress.push(
      endedAs('BATCH_STATE_SUCCEEDED', {
        batchStats: { requestCount: '2', successfulRequestCount: '2' },
        ...inline([{ response: textResponse }, { response: textResponse }]),
      }),
    );
    await job.wait({ pollIntervalMs: 100 });
    const fresh = new gemini.Client({ apiKey: 'gm-batch-key', baseURL: `${server.url}/v1beta` });
    const byName = await getBatch(fresh, job.id);
    const byId = await getBatch(fresh, '123456789');
    expect([byName.id, byId.id, byName.status]).toEqual([BATCH_NAME, BATCH_NAME, 'completed']);
    const alone = (await nonBatch(request, textResponse)).response;
    expect((await collectBatchResults(byName.results())).results).toEqual([
      { ok: true, id: '0', response: alone },
      { ok: true, id: '1', response: alone },
    ]);
    server.progress.push((operation) => ({
      ...operation,
      metadata: {
        ...operation.metadata,
        inputConfig: {
          requests: {
            requests: [
              { request: {} as never, metadata: { key: 'first' } },
              { request: {} as never, metadata: { key: 'second' } },
            ],
          },
        },
      },
    }));
    const withInput = await getBatch(fresh, job.id);
    expect((await collectBatchResults(withInput.results())).results.map((result) => result.id)).toEqual([
      'first',
      'second',
    ]);
    await expect(getBatch(fresh, 'batches/../files')).rejects.toMatchObject({ kind: 'request', path: 'id' });
  });
});
