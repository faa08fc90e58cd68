import { CompletionError, type CompletionRequest } from '@rig-ts/core';
import { readJsonFixture } from '@rig-ts/fixtures';
import { collectBatchResults, completeAlone, openApiSpec, useTestServer } from '@rig-ts/provider-tests';
import { describe, expect, it } from 'vitest';
import * as openai from '../index.js';
import { getBatch, OPENAI_BATCH_LIMITS, submitBatch } from '../batch.js';
import { startOpenAIBatchServer } from './test-utils/openai-batch-server.js';

const spec = openApiSpec('openai/spec/openapi.yaml');
const responsesBody = readJsonFixture('openai-responses/pydantic-ai/test_openai_responses_model_retry.1.response.json');
const responsesErrorBody = readJsonFixture(
  'openai-responses/pydantic-ai/test_openai_responses_model_http_error.0.response.json',
);
const chatBody = readJsonFixture('openai/vercel-ai/openai-text.json');

const servers = useTestServer(startOpenAIBatchServer);

async function start() {
  const server = await servers.start();
  const client = new openai.Client({ apiKey: 'sk-batch', baseURL: `${server.url}/v1` });
  return { server, client };
}

/** What the same request sent alone gives, from a server answering `body` with request id `requestId`. */
const nonBatch = (
  api: 'responses' | 'chat',
  request: CompletionRequest,
  body: unknown,
  requestId: string,
  modelId = api === 'chat' ? 'gpt-4.1-nano' : 'gpt-4o',
) =>
  // Either API's model: the raw response type is left open.
  completeAlone<unknown>(
    (url) => {
      const client = new openai.Client({ apiKey: 'sk-batch', baseURL: `${url}/v1` });
      return api === 'chat' ? openai.chatCompletionsModel(client, modelId) : client.completionModel(modelId);
    },
    request,
    body,
    { 'x-request-id': requestId },
  );

const outputLine = (id: string, status: number, body: unknown, requestId: string) =>
  JSON.stringify({
    id: `batch_req_${id}`,
    custom_id: id,
    response: { status_code: status, request_id: requestId, body },
    error: null,
  });

/** A results file of the batch, as OpenAI stores the output and error files it writes. */
const outputFile = (content: string, filename = 'out.jsonl') => ({
  filename,
  purpose: 'batch_output',
  type: '',
  content,
});

function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== null)
      .map(([key, field]) => [key, withoutNulls(field)]),
  );
}

// The spec's Batch schema marks no field nullable, yet its own examples (and the API) send `null` for the timestamps
// and files a batch does not have yet: those are left out before checking.
function specValid(schema: string, body: unknown): void {
  expect(spec(schema, withoutNulls(body))).toEqual([]);
}

describe('submitBatch on the Responses API', () => {
  it('uploads the JSONL, creates the batch, polls it to its end and streams both files, each result equal to the non-batch response', async () => {
    const { server, client } = await start();
    const model = client.completionModel('gpt-4o');
    const q1 = model.completionRequest('What is the location of Londos and London?').build();
    const q2 = model.completionRequest('What is the capital of France?').temperature(-1).build();

    const job = await submitBatch(
      model,
      [
        { id: 'q1', request: q1 },
        { id: 'q-2_b', request: q2 },
      ],
      { metadata: { run: 'eval-7' } },
    );

    const [upload, create] = server.requests;
    expect([upload?.method, upload?.url, upload?.headers.authorization]).toEqual([
      'POST',
      '/v1/files',
      'Bearer sk-batch',
    ]);
    expect(upload?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const alone1 = await nonBatch('responses', q1, responsesBody, 'req_q1');
    const alone2 = await nonBatch('responses', q2, responsesBody, 'req_q2');
    expect(server.files.get('file-1')).toEqual({
      filename: 'batch.jsonl',
      purpose: 'batch',
      type: 'application/jsonl',
      content: `${JSON.stringify({ custom_id: 'q1', method: 'POST', url: '/v1/responses', body: alone1.sent })}\n${JSON.stringify({ custom_id: 'q-2_b', method: 'POST', url: '/v1/responses', body: alone2.sent })}\n`,
    });
    expect([create?.method, create?.url, create?.headers['content-type'], create?.headers.authorization]).toEqual([
      'POST',
      '/v1/batches',
      'application/json',
      'Bearer sk-batch',
    ]);
    const createBody = JSON.parse(create!.body) as unknown;
    expect(createBody).toEqual({
      input_file_id: 'file-1',
      endpoint: '/v1/responses',
      completion_window: '24h',
      metadata: { run: 'eval-7' },
    });
    specValid('CreateBatchRequest', createBody);
    expect(job.toJSON()).toEqual({
      provider: 'OpenAI',
      id: 'batch_abc123',
      status: 'validating',
      rawStatus: 'validating',
      counts: { total: 0, succeeded: 0, failed: 0 },
    });

    server.progress.push(
      {
        status: 'in_progress',
        in_progress_at: 1711471538,
        expires_at: 1711557933,
        request_counts: { total: 2, completed: 0, failed: 0 },
      },
      { status: 'in_progress', request_counts: { total: 2, completed: 1, failed: 1 } },
      { status: 'finalizing', finalizing_at: 1711493133 },
      {
        status: 'completed',
        completed_at: 1711493163,
        output_file_id: 'file-out',
        error_file_id: 'file-err',
        request_counts: { total: 2, completed: 1, failed: 1 },
      },
    );
    server.files.set(
      'file-out',
      outputFile(`${outputLine('q1', 200, responsesBody, 'req_q1')}\n`, 'batch_abc123_output.jsonl'),
    );
    server.files.set(
      'file-err',
      outputFile(`${outputLine('q-2_b', 400, responsesErrorBody, 'req_q2')}\n`, 'batch_abc123_error.jsonl'),
    );
    const seen: string[] = [];
    expect(
      await job.wait({
        pollIntervalMs: 100,
        onProgress: (current) =>
          void seen.push(`${current.status} ${current.counts.succeeded}/${current.counts.total}`),
      }),
    ).toBe(job);
    expect(seen).toEqual(['in-progress 0/2', 'in-progress 1/2', 'finalizing 1/2', 'completed 1/2']);
    specValid('Batch', job.raw);

    const { results, error } = await collectBatchResults(job.results());
    expect(error).toBeUndefined();
    expect(results).toHaveLength(2);
    expect(results[0]).toEqual({ ok: true, id: 'q1', response: alone1.response });
    const failed = results[1]!;
    expect(failed.ok).toBe(false);
    if (failed.ok) return;
    expect(failed.id).toBe('q-2_b');
    expect(CompletionError.isInstance(failed.error)).toBe(true);
    expect(failed.error).toMatchObject({
      kind: 'http',
      status: 400,
      isRetryable: false,
      requestId: 'req_q2',
      body: JSON.stringify(responsesErrorBody),
      providerError: {
        message: "Invalid 'temperature': decimal below minimum value. Expected a value >= 0, but got -1 instead.",
        type: 'invalid_request_error',
        code: 'decimal_below_min_value',
        param: 'temperature',
      },
      message: `OpenAI answered batch request "q-2_b" with HTTP 400: Invalid 'temperature': decimal below minimum value. Expected a value >= 0, but got -1 instead.`,
    });
    const downloads = server.requests.filter((request) => request.url.includes('/content'));
    expect(
      downloads.map((request) => [request.method, request.url, request.headers.accept, request.headers.authorization]),
    ).toEqual([
      ['GET', '/v1/files/file-out/content', 'application/binary', 'Bearer sk-batch'],
      ['GET', '/v1/files/file-err/content', 'application/binary', 'Bearer sk-batch'],
    ]);
    expect(
      server.requests
        .filter((request) => request.url === '/v1/batches/batch_abc123')
        .map((request) => [request.method, request.body]),
    ).toEqual(Array(4).fill(['GET', '']));
  });

  // The token limit cut this answer while the model was writing a tool call: the answer warns of it too.
  const cutChatBody = {
    id: 'chatcmpl-cut',
    object: 'chat.completion',
    created: 1,
    model: 'o3-mini',
    choices: [
      {
        index: 0,
        finish_reason: 'length',
        message: {
          role: 'assistant',
          content: 'Looking',
          tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"q":' } }],
        },
      },
    ],
    usage: { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 },
  };

  it.each([
    { api: 'responses', body: responsesBody, warnings: ['unsupported'] },
    // The request's warnings come first, then the answer's own, none replacing the other.
    { api: 'chat', body: cutChatBody, warnings: ['unsupported', 'tool-call-cut'] },
  ] as const)(
    'keeps the warnings of building a request on its $api result, as the non-batch call does',
    async ({ api, body, warnings }) => {
      const { server, client } = await start();
      const model = api === 'chat' ? openai.chatCompletionsModel(client, 'o3-mini') : client.completionModel('o3-mini');
      const request = model
        .completionRequest('What is the location of Londos and London?')
        .temperature(0.3)
        .tool({ name: 'lookup', description: 'Looks up', parameters: { type: 'object' } })
        .build();
      const job = await submitBatch(model, [{ id: 'q1', request }]);
      server.progress.push({
        status: 'completed',
        output_file_id: 'file-out',
        request_counts: { total: 1, completed: 1, failed: 0 },
      });
      server.files.set('file-out', outputFile(outputLine('q1', 200, body, 'req_w')));
      await job.wait({ pollIntervalMs: 100 });
      const { results } = await collectBatchResults(job.results());
      const alone = await nonBatch(api, request, body, 'req_w', 'o3-mini');
      expect(alone.response.warnings?.map((warning) => warning.type)).toEqual(warnings);
      expect(results).toEqual([{ ok: true, id: 'q1', response: alone.response }]);
    },
  );
});

describe('submitBatch on Chat Completions', () => {
  it('targets /v1/chat/completions and parses each result with the chat parser', async () => {
    const { server, client } = await start();
    const model = openai.chatCompletionsModel(client, 'gpt-4.1-nano');
    const request = model.completionRequest('Invent a holiday').preamble('Be creative').build();
    const job = await submitBatch(model, [{ id: 'holiday', request }]);
    const alone = await nonBatch('chat', request, chatBody, 'req_c');
    expect(server.files.get('file-1')?.content).toBe(
      `${JSON.stringify({ custom_id: 'holiday', method: 'POST', url: '/v1/chat/completions', body: alone.sent })}\n`,
    );
    expect(JSON.parse(server.requests[1]!.body)).toEqual({
      input_file_id: 'file-1',
      endpoint: '/v1/chat/completions',
      completion_window: '24h',
    });
    server.progress.push({
      status: 'completed',
      output_file_id: 'file-out',
      request_counts: { total: 1, completed: 1, failed: 0 },
    });
    server.files.set('file-out', outputFile(`${outputLine('holiday', 200, chatBody, 'req_c')}\r\n`));
    await job.wait({ pollIntervalMs: 100 });
    expect(await collectBatchResults(job.results())).toEqual({
      results: [{ ok: true, id: 'holiday', response: alone.response }],
      error: undefined,
    });
  });
});

describe('an expired batch, a resume through getBatch, a cancel, a failed batch', () => {
  it('resolves wait() on expired, and a job resumed by id streams what finished and the expired requests as retryable errors', async () => {
    const { server, client } = await start();
    const model = client.completionModel('gpt-4o');
    const request = model.completionRequest('What is the location of Londos and London?').build();
    const job = await submitBatch(model, [
      { id: 'done', request },
      { id: 'late', request },
    ]);
    server.progress.push({
      status: 'expired',
      expired_at: 1711557933,
      output_file_id: 'file-out',
      error_file_id: 'file-err',
      request_counts: { total: 2, completed: 1, failed: 1 },
    });
    server.files.set('file-out', outputFile(outputLine('done', 200, responsesBody, 'req_d')));
    server.files.set(
      'file-err',
      outputFile(
        `${JSON.stringify({ id: 'batch_req_late', custom_id: 'late', response: null, error: { code: 'batch_expired', message: 'This request could not be executed before the completion window expired.' } })}\n`,
        'err.jsonl',
      ),
    );
    expect((await job.wait({ pollIntervalMs: 100 })).status).toBe('expired');

    // A new client, as after a restart: the id is all it needs.
    const resumed = await getBatch(new openai.Client({ apiKey: 'sk-batch', baseURL: `${server.url}/v1` }), job.id);
    expect(server.requests.at(-1)).toMatchObject({ method: 'GET', url: '/v1/batches/batch_abc123' });
    expect(resumed.toJSON()).toEqual({
      provider: 'OpenAI',
      id: 'batch_abc123',
      status: 'expired',
      rawStatus: 'expired',
      counts: { total: 2, succeeded: 1, failed: 1 },
    });
    const { results, error } = await collectBatchResults(resumed.results());
    expect(error).toBeUndefined();
    expect(results[0]).toEqual({
      ok: true,
      id: 'done',
      response: (await nonBatch('responses', request, responsesBody, 'req_d')).response,
    });
    expect(results[1]).toMatchObject({
      ok: false,
      id: 'late',
      error: {
        kind: 'provider',
        isRetryable: true,
        providerError: {
          code: 'batch_expired',
          message: 'This request could not be executed before the completion window expired.',
        },
        message:
          'OpenAI could not run batch request "late" (batch_expired): This request could not be executed before the completion window expired.',
      },
    });
  });

  it('cancels: POST …/cancel with no body, cancelling then cancelled, the partial output readable', async () => {
    const { server, client } = await start();
    const model = client.completionModel('gpt-4o');
    const request = model.completionRequest('hi').build();
    const job = await submitBatch(model, [
      { id: 'a', request },
      { id: 'b', request },
    ]);
    expect((await job.cancel()).status).toBe('cancelling');
    const cancel = server.requests.at(-1)!;
    expect([cancel.method, cancel.url, cancel.body, cancel.headers['content-type']]).toEqual([
      'POST',
      '/v1/batches/batch_abc123/cancel',
      '',
      undefined,
    ]);
    server.progress.push(
      { status: 'cancelling' },
      {
        status: 'cancelled',
        cancelled_at: 1711471700,
        output_file_id: 'file-out',
        request_counts: { total: 2, completed: 1, failed: 0 },
      },
    );
    server.files.set('file-out', outputFile(outputLine('a', 200, responsesBody, 'req_a')));
    expect((await job.wait({ pollIntervalMs: 100 })).status).toBe('cancelled');
    const { results } = await collectBatchResults(job.results());
    expect(results.map((result) => [result.id, result.ok])).toEqual([['a', true]]);
    const before = server.requests.length;
    await job.cancel();
    expect(server.requests).toHaveLength(before);
  });

  it('reports a batch whose input failed validation: wait() resolves, job.error says why, results() rejects with it', async () => {
    const { server, client } = await start();
    const model = client.completionModel('gpt-4o');
    const job = await submitBatch(model, [{ id: 'a', request: model.completionRequest('hi').build() }]);
    server.progress.push({
      status: 'failed',
      failed_at: 1711471540,
      errors: {
        object: 'list',
        data: [
          { code: 'invalid_json_line', message: 'This line is not parseable as valid JSON.', param: null, line: 1 },
          { code: 'x', message: 'y', param: null, line: 2 },
        ],
      },
    });
    expect((await job.wait({ pollIntervalMs: 100 })).status).toBe('failed');
    specValid('Batch', job.raw);
    expect(job.error).toMatchObject({
      kind: 'provider',
      message:
        'OpenAI batch batch_abc123 failed: line 1: This line is not parseable as valid JSON. (and 1 more errors)',
      providerError: { code: 'invalid_json_line', message: 'This line is not parseable as valid JSON.' },
    });
    expect((await collectBatchResults(job.results())).error).toBe(job.error);
  });

  it('refuses an id that is not one, and a batch of an endpoint it does not read', async () => {
    const { server, client } = await start();
    for (const id of ['', '../files', 'batch_1/cancel']) {
      await expect(getBatch(client, id)).rejects.toMatchObject({ kind: 'request', path: 'id' });
    }
    expect(server.requests).toHaveLength(0);
    const model = client.completionModel('gpt-4o');
    await submitBatch(model, [{ id: 'a', request: model.completionRequest('hi').build() }]);
    server.progress.push({ endpoint: '/v1/embeddings' });
    await expect(getBatch(client, 'batch_abc123')).rejects.toMatchObject({
      kind: 'request',
      message:
        'OpenAI batch batch_abc123 is for /v1/embeddings; @rig-ts/openai/batch reads /v1/responses and /v1/chat/completions batches',
    });
  });
});

describe('what submitBatch refuses before sending anything', () => {
  const model = new openai.Client({ apiKey: 'sk', baseURL: 'http://127.0.0.1:9/v1' }).completionModel('gpt-4o');
  const request = model.completionRequest('hi').build();

  it.each([
    [
      'duplicate ids',
      [
        { id: 'a', request },
        { id: 'a', request },
      ],
      {},
      'entries[1].id',
      'entries[1].id "a" repeats entries[0].id: ids must be unique in a batch',
    ],
    ['an empty id', [{ id: '', request }], {}, 'entries[0].id', 'entries[0].id must be a non-empty string'],
    ['no entries', [], {}, 'entries', 'OpenAI batch: no requests, give at least one'],
    [
      'two models',
      [
        { id: 'a', request },
        { id: 'b', request: model.completionRequest('hi').model('gpt-4o-mini').build() },
      ],
      {},
      'entries[1].request.model',
      'entries[1] asks for model gpt-4o-mini after gpt-4o: an OpenAI batch runs one model',
    ],
    [
      'an invalid request',
      [
        { id: 'a', request },
        { id: 'b', request: { ...request, temperature: Number.NaN } },
      ],
      {},
      'entries[1].request.temperature',
      undefined,
    ],
    [
      '17 metadata pairs',
      [{ id: 'a', request }],
      { metadata: Object.fromEntries(Array.from({ length: 17 }, (_, index) => [`k${index}`, 'v'])) },
      'metadata',
      'OpenAI batch metadata takes at most 16 pairs (got 17)',
    ],
    [
      'a metadata key of 65 characters',
      [{ id: 'a', request }],
      { metadata: { ['k'.repeat(65)]: 'v' } },
      `metadata.${'k'.repeat(65)}`,
      undefined,
    ],
    [
      'a metadata value of 513 characters',
      [{ id: 'a', request }],
      { metadata: { run: 'v'.repeat(513) } },
      'metadata.run',
      'OpenAI batch metadata values are strings of at most 512 characters ("run")',
    ],
    [
      'a metadata value that is not a string',
      [{ id: 'a', request }],
      { metadata: { run: 7 as unknown as string } },
      'metadata.run',
      'OpenAI batch metadata values are strings of at most 512 characters ("run")',
    ],
  ])('%s', async (_name, entries, options, path, message) => {
    const error = await submitBatch(model, entries, options).catch((caught: unknown) => caught);
    expect(CompletionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'request', path, ...(message === undefined ? {} : { message }) });
  });

  it('more requests than a batch takes', async () => {
    const entries = Array.from({ length: OPENAI_BATCH_LIMITS.maxRequests + 1 }, (_, index) => ({
      id: `q${index}`,
      request,
    }));
    await expect(submitBatch(model, entries)).rejects.toMatchObject({
      kind: 'request',
      path: 'entries',
      message: 'OpenAI batch: 50001 requests, more than the 50000 one batch takes: split it',
    });
    expect(OPENAI_BATCH_LIMITS).toEqual({
      maxRequests: 50_000,
      maxInputBytes: 209_715_200,
      maxMetadataPairs: 16,
      maxMetadataKeyLength: 64,
      maxMetadataValueLength: 512,
      completionWindow: '24h',
    });
  });
});

describe('the transport under the batch calls', () => {
  it('retries the upload, but not the create (a resent create could start a second batch)', async () => {
    const { server, client } = await start();
    const model = client.completionModel('gpt-4o');
    server.failures.set('POST /v1/files', [
      { status: 503, body: { error: { message: 'busy', type: 'server_error', param: null, code: null } } },
    ]);
    server.failures.set('POST /v1/batches', [
      {
        status: 500,
        body: {
          error: {
            message: 'The server had an error while processing your request.',
            type: 'server_error',
            param: null,
            code: null,
          },
        },
      },
    ]);
    const error = await submitBatch(model, [{ id: 'a', request: model.completionRequest('hi').build() }]).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ kind: 'http', status: 500, attempts: 1 });
    expect(server.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      'POST /v1/files',
      'POST /v1/files',
      'POST /v1/batches',
    ]);
  });

  it('polls through a transient error (the transport retries), and rejects wait() once the retries are spent', async () => {
    const { server, client } = await start();
    const model = client.completionModel('gpt-4o');
    const job = await submitBatch(model, [{ id: 'a', request: model.completionRequest('hi').build() }]);
    server.failures.set('GET /v1/batches/batch_abc123', [{ status: 503, body: {} }]);
    server.progress.push({ status: 'completed', request_counts: { total: 1, completed: 0, failed: 1 } });
    expect((await job.wait({ pollIntervalMs: 100 })).status).toBe('completed');
    const stuck = await submitBatch(model, [{ id: 'a', request: model.completionRequest('hi').build() }]);
    server.failures.set(
      'GET /v1/batches/batch_abc123',
      Array(3).fill({ status: 502, body: { error: { message: 'bad gateway' } } }),
    );
    const error = await stuck.wait({ pollIntervalMs: 100 }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'http', status: 502, attempts: 3 });
  });
});

describe('results that cannot be read', () => {
  async function completedWith(content: string, total: number) {
    const { server, client } = await start();
    const model = openai.chatCompletionsModel(client, 'gpt-4.1-nano');
    const job = await submitBatch(model, [{ id: 'a', request: model.completionRequest('hi').build() }]);
    server.progress.push({
      status: 'completed',
      output_file_id: 'file-out',
      request_counts: { total, completed: total, failed: 0 },
    });
    server.files.set('file-out', outputFile(content));
    return job.wait({ pollIntervalMs: 100 });
  }

  it('a line that cannot be tied to a request ends the results with a response error', async () => {
    const job = await completedWith(
      `${outputLine('a', 200, chatBody, 'r')}\n{"response":{"status_code":200,"body":{}}}\n`,
      2,
    );
    const { results, error } = await collectBatchResults(job.results());
    expect(results.map((result) => result.id)).toEqual(['a']);
    expect(error).toMatchObject({
      kind: 'response',
      reason: 'malformed',
      message: 'OpenAI sent a batch result line without a custom_id',
    });
  });

  it("a body the parser cannot read is that request's error, not the end of the results", async () => {
    const job = await completedWith(
      `${outputLine('a', 200, { id: 'chatcmpl-x', choices: [] }, 'r')}\n${outputLine('b', 200, chatBody, 'r')}\n${JSON.stringify({ custom_id: 'c', response: null, error: null })}\n`,
      3,
    );
    const { results, error } = await collectBatchResults(job.results());
    expect(error).toBeUndefined();
    expect(
      results.map((result) => [
        result.id,
        result.ok,
        result.ok ? undefined : [result.error.kind, result.error.message],
      ]),
    ).toEqual([
      ['a', false, ['response', 'OpenAI returned a response without choices']],
      ['b', true, undefined],
      ['c', false, ['response', 'OpenAI sent batch result "c" with neither a response nor an error']],
    ]);
  });

  it('a completed batch whose files hold fewer results than requests fails as truncated after the last one', async () => {
    const job = await completedWith(`${outputLine('a', 200, chatBody, 'r')}\n`, 2);
    const { results, error } = await collectBatchResults(job.results());
    expect(results).toHaveLength(1);
    expect(error).toMatchObject({
      kind: 'response',
      reason: 'truncated',
      message: 'OpenAI batch batch_abc123 gave 1 results for its 2 requests: the results ended early',
    });
  });
});
